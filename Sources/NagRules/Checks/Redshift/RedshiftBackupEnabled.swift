/// AwsSolutions-RS10: Redshift clusters keep automated snapshots.
struct RedshiftBackupEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster has automated snapshots turned off.",
        explanation: "A snapshot retention period of 0 disables automated snapshots, so a dropped table or corrupted load cannot be recovered. Leaving the property out keeps the default (1 day).",
        fix: "Remove AutomatedSnapshotRetentionPeriod or set it to a number of days greater than 0.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  AutomatedSnapshotRetentionPeriod: 7
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓AutomatedSnapshotRetentionPeriod: 0
            """),
            .unknown("""
            Parameters:
              Days:
                Type: Number
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  AutomatedSnapshotRetentionPeriod: ↓!Ref Days
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let period = Scalar(resource, "AutomatedSnapshotRetentionPeriod", in: context)
        if let why = period.unresolved { return .unknown(why) }
        return period.equals(0) == true ? .violation(at: resource.position(ofProperty: "AutomatedSnapshotRetentionPeriod")) : .compliant
    }
}
