/// AwsSolutions-ECS4: ECS clusters turn on CloudWatch Container Insights.
struct ECSClusterCloudWatchContainerInsights: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::ECS::Cluster"],
        cause: "The ECS cluster does not use CloudWatch Container Insights.",
        explanation: "Container Insights collects CPU, memory, disk and network metrics per cluster, service and task, and the diagnostics of container restarts, which are otherwise not visible.",
        fix: "Add ClusterSettings: [{Name: containerInsights, Value: enabled}] (or enhanced).",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ClusterSettings:
                    - Name: containerInsights
                      Value: enhanced
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::ECS::Cluster
            """),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ↓ClusterSettings:
                    - Name: containerInsights
                      Value: disabled
            """),
            .unknown("""
            Parameters:
              Insights:
                Type: String
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ClusterSettings:
                    - Name: containerInsights
                      Value: ↓!Ref Insights
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        SettingsList.nameValue.hasSetting(named: ["containerInsights"], in: "ClusterSettings", of: resource,
                                          context: context) { value in
            if let why = value.unresolved { return .undecided(why) }
            return .from(value.string == "enabled" || value.string == "enhanced")
        }.outcome
    }
}
