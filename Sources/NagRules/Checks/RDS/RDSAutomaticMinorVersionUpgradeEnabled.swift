/// RDS DB instances take minor engine version upgrades automatically (`AutoMinorVersionUpgrade` is not false).
struct RDSAutomaticMinorVersionUpgradeEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.instanceType],
        cause: "The RDS DB instance does not upgrade its minor engine version automatically.",
        explanation: """
        Minor engine versions carry security and bug fixes and stay compatible with the application. With \
        AutoMinorVersionUpgrade on, RDS applies them in the maintenance window; with it off, the instance \
        keeps known vulnerabilities until someone upgrades it by hand. It is on unless set to false.
        """,
        fix: "Set AutoMinorVersionUpgrade to true, or leave it out.",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AutoMinorVersionUpgrade: true
              Default:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  DBInstanceClass: db.t3.micro
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  ↓AutoMinorVersionUpgrade: "false"
            """),
            .nonCompliant("""
            Parameters:
              Upgrade:
                Type: String
                Default: "false"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  ↓AutoMinorVersionUpgrade: !Ref Upgrade
            """),
            .unknown("""
            Parameters:
              Upgrade:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AutoMinorVersionUpgrade: ↓!Ref Upgrade
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let upgrade = Scalar(resource, "AutoMinorVersionUpgrade", in: context)
        if let why = upgrade.unresolved { return .unknown(why) }
        return upgrade.bool == false
            ? .violation(at: resource.position(ofProperty: "AutoMinorVersionUpgrade"), "AutoMinorVersionUpgrade is false") : .compliant
    }
}
