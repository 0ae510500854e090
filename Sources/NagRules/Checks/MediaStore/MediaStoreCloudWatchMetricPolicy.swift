/// AwsSolutions-MS4: the container publishes container-level metrics to CloudWatch.
struct MediaStoreCloudWatchMetricPolicy: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MediaStore::Container"],
        cause: "The MediaStore container does not send container-level metrics to CloudWatch.",
        explanation: "Container-level metrics show request counts, errors and latency in CloudWatch, where alarms can catch failures and unusual access.",
        fix: "Set MetricPolicy.ContainerLevelMetrics to ENABLED.",
        examples: [
            .compliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  MetricPolicy:
                    ContainerLevelMetrics: ENABLED
            """),
            .nonCompliant("""
            Resources:
              ↓Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
            """),
            .nonCompliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  MetricPolicy:
                    ↓ContainerLevelMetrics: DISABLED
            """),
            .nonCompliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓MetricPolicy: {}
            """),
            .nonCompliant("""
            Parameters:
              Metrics:
                Type: String
                Default: DISABLED
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  MetricPolicy:
                    ↓ContainerLevelMetrics: !Ref Metrics
            """),
            .unknown("""
            Parameters:
              Metrics:
                Type: String
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  MetricPolicy:
                    ContainerLevelMetrics: ↓!Ref Metrics
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let metrics = PropertyLookup.find(resource, "MetricPolicy", "ContainerLevelMetrics", in: context)
        if let why = metrics.unresolved { return .unknown(why) }
        return metrics.resolved.string == "ENABLED" ? .compliant : .violation(at: metrics.position)
    }
}
