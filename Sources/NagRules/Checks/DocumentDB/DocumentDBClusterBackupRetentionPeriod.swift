/// AwsSolutions-DOC4: DocumentDB clusters keep backups for at least 7 days.
struct DocumentDBClusterBackupRetentionPeriod: Check {
    let about = CheckAbout(
        resourceTypes: [DocumentDBClusters.clusterType],
        cause: "The DocumentDB cluster keeps automated backups for fewer than 7 days.",
        explanation: "The retention period bounds how far back the cluster can be restored. With fewer than 7 days (the default is 1), corruption or a bad change noticed late may no longer be recoverable.",
        fix: "Set BackupRetentionPeriod to 7 or more on the DocumentDB cluster.",
        examples: [
            .compliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  BackupRetentionPeriod: 14
            """),
            .nonCompliant("""
            Resources:
              ↓Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  ↓BackupRetentionPeriod: "1"
            """),
            .unknown("""
            Parameters:
              Days:
                Type: Number
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  BackupRetentionPeriod: ↓!Ref Days
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isAtLeast(7, "BackupRetentionPeriod", of: resource, in: context)
    }
}
