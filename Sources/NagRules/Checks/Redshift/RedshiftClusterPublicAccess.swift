/// AwsSolutions-RS8: Redshift clusters are not publicly accessible.
struct RedshiftClusterPublicAccess: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster is publicly accessible.",
        explanation: "A publicly accessible cluster gets a public IP address and can be reached from the internet wherever its security groups allow, exposing the database endpoint to scanning and credential attacks.",
        fix: "Set PubliclyAccessible to false, or leave it out.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  PubliclyAccessible: false
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓PubliclyAccessible: true
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  PubliclyAccessible: ↓!Ref Public
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let access = Scalar(resource, "PubliclyAccessible", in: context)
        if let why = access.unresolved { return .unknown(why) }
        return access.bool == true
            ? .violation(at: resource.position(ofProperty: "PubliclyAccessible")) : .compliant
    }
}
