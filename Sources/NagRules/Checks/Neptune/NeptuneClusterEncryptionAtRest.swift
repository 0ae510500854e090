/// AwsSolutions-N4: Neptune clusters encrypt their storage.
struct NeptuneClusterEncryptionAtRest: Check {
    let about = CheckAbout(
        resourceTypes: [NeptuneClusters.clusterType],
        cause: "The Neptune cluster does not encrypt its storage at rest.",
        explanation: "Encryption at rest protects the graph data, its automated backups, snapshots and replicas if the underlying storage or a snapshot is exposed. It can only be chosen when the cluster is created.",
        fix: "Set StorageEncrypted to true (optionally with KmsKeyId) on the Neptune DB cluster.",
        examples: [
            .compliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Resources:
              ↓Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  BackupRetentionPeriod: 7
            """),
            .nonCompliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  ↓StorageEncrypted: false
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  StorageEncrypted: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("StorageEncrypted", of: resource, in: context)
    }
}
