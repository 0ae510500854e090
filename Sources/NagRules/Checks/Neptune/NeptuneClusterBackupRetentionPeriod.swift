/// AwsSolutions-N3: Neptune clusters keep backups for at least 7 days.
struct NeptuneClusterBackupRetentionPeriod: Check {
    let about = CheckAbout(
        resourceTypes: [NeptuneClusters.clusterType],
        cause: "The Neptune cluster keeps automated backups for fewer than 7 days.",
        explanation: "The retention period bounds how far back the cluster can be restored. With fewer than 7 days (the default is 1), corruption or a bad change noticed after a weekend may no longer be recoverable.",
        fix: "Set BackupRetentionPeriod to 7 or more on the Neptune DB cluster.",
        examples: [
            .compliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  BackupRetentionPeriod: 7
            """),
            // cdk-nag cannot resolve the parameter and reports the cluster; nag reads the Default (31).
            .compliant("""
            Parameters:
              Days:
                Type: String
                Default: 31
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  BackupRetentionPeriod: !Ref Days
            """),
            .nonCompliant("""
            Resources:
              ↓Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Parameters:
              Days:
                Type: Number
                Default: 3
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  ↓BackupRetentionPeriod: !Ref Days
            """),
            .unknown("""
            Parameters:
              Days:
                Type: Number
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  BackupRetentionPeriod: ↓!Ref Days
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isAtLeast(7, "BackupRetentionPeriod", of: resource, in: context)
    }
}
