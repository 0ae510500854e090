/// AwsSolutions-RS11: Redshift clusters use a parameter group that logs user activity.
struct RedshiftClusterUserActivityLogging: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster does not use a parameter group of the template that enables user activity logging.",
        explanation: "The user activity log records each query before it runs, which is what an investigation needs to know what was read or changed and by whom. It is turned on by enable_user_activity_logging in the cluster's parameter group (and needs audit logging to be delivered).",
        fix: "Declare an AWS::Redshift::ClusterParameterGroup with enable_user_activity_logging = \"true\" and point ClusterParameterGroupName at it with Ref.",
        examples: [
            .compliant("""
            Resources:
              Params:
                Type: AWS::Redshift::ClusterParameterGroup
                Properties:
                  Description: logging
                  ParameterGroupFamily: redshift-1.0
                  Parameters:
                    - ParameterName: enable_user_activity_logging
                      ParameterValue: "true"
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: dc2.large
                  DBName: dw
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
                  Description: logging
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
                  ↓ClusterParameterGroupName: !Ref Params
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
        RedshiftClusters.requireParameter(of: resource, in: context, failing: "does not enable user activity logging") {
            $0 == "enable_user_activity_logging" && $1 == "true"
        }
    }
}
