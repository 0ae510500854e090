/// AwsSolutions-RDS10: Aurora clusters and non-Aurora instances are protected against deletion.
struct RDSInstanceDeletionProtectionEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType, RDSDatabases.instanceType],
        cause: "The RDS instance or Aurora cluster does not have deletion protection enabled.",
        explanation: "Deletion protection makes a delete request fail until the setting is turned off, so a mistaken console action, script or stack update cannot drop the database. Aurora is protected at the cluster level, other engines at the instance level.",
        fix: "Set DeletionProtection to true on the DB cluster, or on the DB instance for non-Aurora engines.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  DeletionProtection: true
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: aurora-mysql
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DeletionProtection: "true"
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: sqlserver-ex
                  ↓DeletionProtection: false
            """),
            .nonCompliant("""
            Parameters:
              Protect:
                Type: String
                Default: "false"
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  ↓DeletionProtection: !Ref Protect
            """),
            .unknown("""
            Parameters:
              Engine:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: ↓!Ref Engine
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let protection = Scalar(resource, "DeletionProtection", in: context)
        if resource.type == RDSDatabases.clusterType {
            if protection.isAbsent { return .violation(at: resource.position, "DeletionProtection is not set") }
            if let why = protection.unresolved { return .unknown(why) }
            return protection.looselyFalse == true ? .violation(at: resource.position(ofProperty: "DeletionProtection")) : .compliant
        }
        let aurora = RDSDatabases.isAurora(resource, in: context)
        if aurora == true { return .compliant }
        if let why = protection.unresolved { return .unknown(why) }
        guard protection.looselyFalse == true || protection.isAbsent else { return .compliant }
        if let why = RDSDatabases.engine(of: resource, in: context).unresolved { return .unknown(why) }
        return .violation(at: RDSDatabases.position(of: "DeletionProtection", in: resource))
    }
}
