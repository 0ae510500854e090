/// AwsSolutions-RS3: Redshift clusters do not keep the default admin user name.
struct RedshiftClusterNonDefaultUsername: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster uses the default master user name awsuser.",
        explanation: "awsuser is the name tools and attackers try first. A name of your own leaves them to guess both the user and the password.",
        fix: "Set MasterUsername to a name other than awsuser.",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  MasterUsername: dwadmin
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓MasterUsername: awsuser
            """),
            .unknown("""
            Parameters:
              User:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  MasterUsername: ↓!Ref User
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let user = Scalar(resource, "MasterUsername", in: context)
        if let why = user.unresolved { return .unknown(why) }
        return user.text == "awsuser" ? .violation(at: resource.position(ofProperty: "MasterUsername")) : .compliant
    }
}
