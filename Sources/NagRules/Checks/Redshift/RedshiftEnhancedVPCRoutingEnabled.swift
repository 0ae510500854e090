/// Redshift clusters route their COPY and UNLOAD traffic through the VPC (`EnhancedVpcRouting` is true).
struct RedshiftEnhancedVPCRoutingEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster does not use enhanced VPC routing.",
        explanation: """
        Without enhanced VPC routing, the traffic of COPY and UNLOAD between the cluster and S3 or other data \
        sources goes over the internet, outside the VPC's security groups, network ACLs, endpoints and flow \
        logs. With it, that traffic goes through the VPC, where it can be restricted, kept private with VPC \
        endpoints, and watched. It is off unless EnhancedVpcRouting is true.
        """,
        fix: "Set EnhancedVpcRouting: true, and give the VPC an S3 gateway endpoint, or a NAT gateway, for the cluster to reach S3.",
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
                  EnhancedVpcRouting: true
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
                  ↓EnhancedVpcRouting: "false"
            """),
            .compliant("""
            Parameters:
              Routing:
                Type: String
                Default: "true"
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  EnhancedVpcRouting: !Ref Routing
            """),
            .unknown("""
            Parameters:
              Routing:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  EnhancedVpcRouting: ↓!Ref Routing
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let routing = Scalar(resource, "EnhancedVpcRouting", in: context)
        if routing.isAbsent {
            let written = resource.properties.entry("EnhancedVpcRouting")?.keyPosition
            return .violation(at: written ?? resource.position, "EnhancedVpcRouting is not set")
        }
        if let why = routing.unresolved { return .unknown(why) }
        return routing.bool == true
            ? .compliant : .violation(at: resource.position(ofProperty: "EnhancedVpcRouting"), "EnhancedVpcRouting is not true")
    }
}
