/// Redshift clusters take version upgrades, keep automated snapshots and name their maintenance window.
struct RedshiftClusterMaintenanceSettings: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster turns off version upgrades or automated snapshots, or has no explicit maintenance window.",
        explanation: """
        Three settings keep a cluster maintained. AllowVersionUpgrade (true by default) lets Redshift apply \
        engine versions with security fixes; an AutomatedSnapshotRetentionPeriod of 0 turns automated \
        snapshots off, leaving no point in time to restore; and an explicit PreferredMaintenanceWindow puts \
        upgrades and patching at a time the workload can afford, instead of a window Redshift picks.
        """,
        fix: "Leave AllowVersionUpgrade unset or true, set AutomatedSnapshotRetentionPeriod to at least 1 (or leave it at its default, 1), and set PreferredMaintenanceWindow (e.g. sun:03:00-sun:03:30).",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  PreferredMaintenanceWindow: sun:03:00-sun:03:30
                  AutomatedSnapshotRetentionPeriod: 7
                  AllowVersionUpgrade: true
            """),
            .nonCompliant("""
            Resources:
              ↓Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  PreferredMaintenanceWindow: sun:03:00-sun:03:30
                  ↓AutomatedSnapshotRetentionPeriod: 0
                  ↓AllowVersionUpgrade: "false"
            """),
            .nonCompliant("""
            Parameters:
              Retention:
                Type: Number
                Default: 0
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  PreferredMaintenanceWindow: sun:03:00-sun:03:30
                  ↓AutomatedSnapshotRetentionPeriod: !Ref Retention
            """),
            .compliant("""
            Parameters:
              Window:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  PreferredMaintenanceWindow: !Ref Window
            """),
            .unknown("""
            Parameters:
              Upgrade:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  PreferredMaintenanceWindow: sun:03:00-sun:03:30
                  AllowVersionUpgrade: ↓!Ref Upgrade
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let retention = Scalar(resource, "AutomatedSnapshotRetentionPeriod", in: context)
        let upgrade = Scalar(resource, "AllowVersionUpgrade", in: context)
        let window = Presence(resource[property: "PreferredMaintenanceWindow"], in: context)
        var violations: [Violation] = []
        if retention.looselyFalse == true {
            violations.append(Violation(position: resource.position(ofProperty: "AutomatedSnapshotRetentionPeriod"),
                                        detail: "AutomatedSnapshotRetentionPeriod is 0, so automated snapshots are off"))
        }
        if case .absent = window {
            let written = resource.properties.entry("PreferredMaintenanceWindow")?.keyPosition
            violations.append(Violation(position: written ?? resource.position, detail: "PreferredMaintenanceWindow is not set"))
        }
        if upgrade.bool == false {
            violations.append(Violation(position: resource.position(ofProperty: "AllowVersionUpgrade"), detail: "AllowVersionUpgrade is false"))
        }
        if !violations.isEmpty { return .nonCompliant(violations) }
        if let why = retention.unresolved ?? upgrade.unresolved { return .unknown(why) }
        if case .unknown(let why) = window { return .unknown(why) }
        return .compliant
    }
}
