/// AwsSolutions-RDS6: Aurora clusters accept IAM database authentication.
struct AuroraMySQLPostgresIAMAuth: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType],
        cause: "The Aurora MySQL or PostgreSQL cluster does not enable IAM database authentication.",
        explanation: "With IAM database authentication, clients connect with short-lived tokens issued to IAM identities instead of long-lived database passwords, so access is granted, audited and revoked centrally and no password has to be stored with the application.",
        fix: "Set EnableIAMDatabaseAuthentication to true on the Aurora DB cluster.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  EnableIAMDatabaseAuthentication: true
              Other:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: mysql
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
            """),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
                  ↓EnableIAMDatabaseAuthentication: "false"
            """),
            .unknown("""
            Parameters:
              IamAuth:
                Type: String
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  EnableIAMDatabaseAuthentication: ↓!Ref IamAuth
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let engine = RDSDatabases.engine(of: resource, in: context)
        if engine.isAbsent || engine.text == "" { return .notApplicable }
        if RDSDatabases.isAurora(resource, in: context) == false { return .compliant }
        let iamAuth = Scalar(resource, "EnableIAMDatabaseAuthentication", in: context)
        if let why = iamAuth.unresolved { return .unknown(why) }
        if !iamAuth.isAbsent && iamAuth.looselyFalse == false { return .compliant }
        // The engine is not known to be Aurora only when it cannot be read.
        if let why = engine.unresolved { return .unknown(why) }
        return .violation(at: iamAuth.isAbsent ? resource.position : resource.position(ofProperty: "EnableIAMDatabaseAuthentication"))
    }
}
