/// AwsSolutions-RS9: Redshift clusters take engine version upgrades.
struct RedshiftClusterVersionUpgrade: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster does not allow engine version upgrades.",
        explanation: "Engine upgrades carry security fixes. With AllowVersionUpgrade false the cluster stays on its current version, and its known vulnerabilities, until someone upgrades it by hand.",
        fix: "Set AllowVersionUpgrade to true, or leave it out (the default is true).",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  AllowVersionUpgrade: true
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓AllowVersionUpgrade: false
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
                  NodeType: dc2.large
                  DBName: dw
                  AllowVersionUpgrade: ↓!Ref Upgrade
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let upgrade = Scalar(resource, "AllowVersionUpgrade", in: context)
        if let why = upgrade.unresolved { return .unknown(why) }
        return upgrade.bool == false
            ? .violation(at: resource.position(ofProperty: "AllowVersionUpgrade")) : .compliant
    }
}
