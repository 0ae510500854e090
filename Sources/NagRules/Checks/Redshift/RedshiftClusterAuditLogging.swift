/// AwsSolutions-RS5: Redshift clusters deliver audit logs.
struct RedshiftClusterAuditLogging: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster does not have audit logging enabled.",
        explanation: "Audit logs record connection attempts, user changes and (with user activity logging) queries. Without them, who accessed the warehouse and what they did cannot be reconstructed.",
        fix: "Set LoggingProperties with a BucketName (and optionally S3KeyPrefix), or LogDestinationType cloudwatch.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  LoggingProperties:
                    BucketName: dw-audit-logs
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
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        context.resolve(resource, "LoggingProperties").isAbsent ? .violation(at: resource.position) : .compliant
    }
}
