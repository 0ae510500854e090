/// AwsSolutions-RS6: Redshift clusters encrypt their storage.
struct RedshiftClusterEncryptionAtRest: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster does not encrypt its data at rest.",
        explanation: "Encryption at rest protects the warehouse's blocks, its snapshots and its backups if the storage or a snapshot is exposed.",
        fix: "Set Encrypted to true (optionally with KmsKeyId) on the cluster.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  Encrypted: true
            """),
            .nonCompliant("""
            Resources:
              ↓Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓Encrypted: "false"
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  Encrypted: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("Encrypted", of: resource, in: context)
    }
}
