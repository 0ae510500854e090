/// AwsSolutions-RS2: Redshift clusters run in a VPC subnet group.
struct RedshiftClusterInVPC: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster is not placed in a VPC cluster subnet group.",
        explanation: "A cluster in a VPC subnet group is reachable only through the networks, routes and security groups of that VPC. Without one, the cluster is not isolated in the application's private network.",
        fix: "Create an AWS::Redshift::ClusterSubnetGroup with private subnets and set ClusterSubnetGroupName to it.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ClusterSubnetGroupName: dw-subnets
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
                  ↓ClusterSubnetGroupName: ""
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isNonEmpty("ClusterSubnetGroupName", of: resource, in: context)
    }
}
