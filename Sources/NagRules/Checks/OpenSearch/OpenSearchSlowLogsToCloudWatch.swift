/// AwsSolutions-OS9: the domain publishes its search and index slow logs to CloudWatch Logs.
///
/// Granular, as in cdk-nag: one finding per missing log, `LogExport::SEARCH_SLOW_LOGS` and
/// `LogExport::INDEX_SLOW_LOGS`.
struct OpenSearchSlowLogsToCloudWatch: Check {
    static let logs = ["SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"]

    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain does not publish its search and index slow logs to CloudWatch Logs.",
        explanation: "Slow logs record the queries and indexing requests that exceed a threshold. Published to CloudWatch Logs, they show which requests load the cluster and help to tune it before performance becomes an outage.",
        fix: "Add SEARCH_SLOW_LOGS and INDEX_SLOW_LOGS entries to LogPublishingOptions, each with Enabled: true and a CloudWatchLogsLogGroupArn.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  LogPublishingOptions:
                    SEARCH_SLOW_LOGS:
                      Enabled: true
                      CloudWatchLogsLogGroupArn: !GetAtt SlowLogs.Arn
                    INDEX_SLOW_LOGS:
                      Enabled: "true"
                      CloudWatchLogsLogGroupArn: !GetAtt SlowLogs.Arn
              SlowLogs:
                Type: AWS::Logs::LogGroup
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::Elasticsearch::Domain
            """, findingIds: ["LogExport::SEARCH_SLOW_LOGS", "LogExport::INDEX_SLOW_LOGS"]),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ↓LogPublishingOptions:
                    SEARCH_SLOW_LOGS:
                      Enabled: true
                      CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:slow
                    ES_APPLICATION_LOGS:
                      Enabled: true
                      CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:app
            """, findingIds: ["LogExport::INDEX_SLOW_LOGS"]),
            .nonCompliant("""
            Parameters:
              Slow:
                Type: String
                Default: "false"
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  LogPublishingOptions:
                    SEARCH_SLOW_LOGS:
                      ↓Enabled: !Ref Slow
                    INDEX_SLOW_LOGS:
                      ↓Enabled: false
            """, findingIds: ["LogExport::SEARCH_SLOW_LOGS", "LogExport::INDEX_SLOW_LOGS"]),
            .unknown("""
            Parameters:
              Slow:
                Type: String
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  LogPublishingOptions:
                    SEARCH_SLOW_LOGS:
                      Enabled: ↓!Ref Slow
                    INDEX_SLOW_LOGS:
                      Enabled: true
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        var violations: [Violation] = []
        for log in Self.logs {
            let enabled = PropertyLookup.find(resource, "LogPublishingOptions", log, "Enabled", in: context)
            if let why = enabled.unresolved { return .unknown(why) }
            if enabled.resolved.bool != true {
                violations.append(Violation(position: enabled.position, findingId: "LogExport::\(log)"))
            }
        }
        return .from(violations)
    }
}
