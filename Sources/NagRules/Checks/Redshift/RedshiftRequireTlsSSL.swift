/// AwsSolutions-RS1: Redshift clusters use a parameter group that requires SSL connections.
struct RedshiftRequireTlsSSL: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster does not use a parameter group of the template that requires SSL.",
        explanation: "Unless require_ssl is true, clients may connect to the cluster without TLS, and queries, results and credentials cross the network in the clear. The setting lives in the cluster's parameter group.",
        fix: "Declare an AWS::Redshift::ClusterParameterGroup with the parameter require_ssl = true and point ClusterParameterGroupName at it with Ref.",
        examples: [
            .compliant("""
            Resources:
              Params:
                Type: AWS::Redshift::ClusterParameterGroup
                Properties:
                  Description: tls
                  ParameterGroupFamily: redshift-1.0
                  Parameters:
                    - ParameterName: require_ssl
                      ParameterValue: "true"
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  MasterUsername: admin
                  MasterUserPassword: "{{resolve:secretsmanager:dw}}"
                  ClusterParameterGroupName: !Ref Params
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
              Params:
                Type: AWS::Redshift::ClusterParameterGroup
                Properties:
                  Description: tls
                  ParameterGroupFamily: redshift-1.0
                  Parameters:
                    - ParameterName: require_ssl
                      ParameterValue: "false"
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓ClusterParameterGroupName: !Ref Params
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ↓ClusterParameterGroupName: default.redshift-1.0
            """),
            .unknown("""
            Parameters:
              Group:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
                  ClusterParameterGroupName: ↓!Ref Group
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        RedshiftClusters.requireParameter(of: resource, in: context, failing: "does not set require_ssl to true") {
            $0.lowercased() == "require_ssl" && $1.lowercased() == "true"
        }
    }
}
