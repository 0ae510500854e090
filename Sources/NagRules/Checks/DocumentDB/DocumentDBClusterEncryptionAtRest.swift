/// AwsSolutions-DOC1: DocumentDB clusters encrypt their storage.
struct DocumentDBClusterEncryptionAtRest: Check {
    let about = CheckAbout(
        resourceTypes: [DocumentDBClusters.clusterType],
        cause: "The DocumentDB cluster does not encrypt its storage at rest.",
        explanation: "Encryption at rest protects the documents, indexes, automated backups and snapshots if the underlying storage or a snapshot is exposed. It can only be chosen when the cluster is created.",
        fix: "Set StorageEncrypted to true (optionally with KmsKeyId) on the DocumentDB cluster.",
        examples: [
            .compliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Resources:
              ↓Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  Port: 27018
            """),
            .nonCompliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  ↓StorageEncrypted: false
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  StorageEncrypted: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("StorageEncrypted", of: resource, in: context)
    }
}
