/// AwsSolutions-N2: Neptune instances take minor engine upgrades automatically.
struct NeptuneClusterAutomaticMinorVersionUpgrade: Check {
    let about = CheckAbout(
        resourceTypes: [NeptuneClusters.instanceType],
        cause: "The Neptune instance does not have automatic minor version upgrades enabled.",
        explanation: "Minor engine versions carry security fixes and bug fixes. With automatic upgrades they are applied in the maintenance window; without them an instance keeps running known-vulnerable versions until someone upgrades it by hand.",
        fix: "Set AutoMinorVersionUpgrade to true on the Neptune DB instance.",
        examples: [
            .compliant("""
            Resources:
              Node:
                Type: AWS::Neptune::DBInstance
                Properties:
                  DBInstanceClass: db.r5.large
                  AutoMinorVersionUpgrade: true
            """),
            // cdk-nag cannot resolve the parameter and reports the instance; nag reads the Default (true).
            .nonCompliant("""
            Parameters:
              Upgrade:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "true"
            Resources:
              Node:
                Type: AWS::Neptune::DBInstance
                Properties:
                  DBInstanceClass: db.r5.large
                  ↓AutoMinorVersionUpgrade: !Ref Upgrade
            """, when: "Upgrade=false"),
            .nonCompliant("""
            Resources:
              ↓Node:
                Type: AWS::Neptune::DBInstance
                Properties:
                  DBInstanceClass: db.r5.large
            """),
            .nonCompliant("""
            Resources:
              Node:
                Type: AWS::Neptune::DBInstance
                Properties:
                  DBInstanceClass: db.r5.large
                  ↓AutoMinorVersionUpgrade: "false"
            """),
            .unknown("""
            Parameters:
              Upgrade:
                Type: String
            Resources:
              Node:
                Type: AWS::Neptune::DBInstance
                Properties:
                  DBInstanceClass: db.r5.large
                  AutoMinorVersionUpgrade: ↓!Ref Upgrade
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("AutoMinorVersionUpgrade", of: resource, in: context)
    }
}
