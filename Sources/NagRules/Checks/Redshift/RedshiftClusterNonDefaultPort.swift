/// AwsSolutions-RS4: Redshift clusters listen on a port other than 5439.
struct RedshiftClusterNonDefaultPort: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster uses the default port 5439.",
        explanation: "Scanners probe the well-known Redshift port. A port of your own choosing does not replace network controls, but removes the cluster from the cheapest automated attacks. As in cdk-nag, leaving Port out counts as the default.",
        fix: "Set Port to a value other than 5439.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  Port: 5440
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
                  ↓Port: 5439
            """),
            .unknown("""
            Parameters:
              Port:
                Type: Number
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  Port: ↓!Ref Port
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let port = Scalar(resource, "Port", in: context)
        if port.isAbsent { return .violation(at: resource.position, "Port is not set") }
        if let why = port.unresolved { return .unknown(why) }
        return port.number == 5439 ? .violation(at: resource.position(ofProperty: "Port")) : .compliant
    }
}
