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
        guard let settings = ComputeValues.items(resource.properties["ClusterSettings"], in: context) else {
            return .violation(at: resource.position)
        }
        let items: [Resolved]
        switch settings {
        case .failure(let why): return .unknown(why)
        case .success(let list): items = list
        }
        var undecided: Unresolved?
        for item in items {
            guard let map = item.map else {
                if let why = item.unresolved { undecided = undecided ?? why }
                continue
            }
            let name = context.resolve(map["Name"])
            if let why = name.unresolved { undecided = undecided ?? why; continue }
            guard name.string == "containerInsights" else { continue }
            let value = context.resolve(map["Value"])
            if let why = value.unresolved { undecided = undecided ?? why; continue }
            if value.string == "enabled" || value.string == "enhanced" { return .compliant }
        }
        if let undecided { return .unknown(undecided) }
        return .violation(at: resource.properties.entry("ClusterSettings")?.keyPosition ?? resource.position)
    }
}
