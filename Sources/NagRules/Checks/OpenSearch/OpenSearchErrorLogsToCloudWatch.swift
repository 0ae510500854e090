/// An OpenSearch (or Elasticsearch) domain publishes its error logs (`ES_APPLICATION_LOGS`) to CloudWatch Logs.
struct OpenSearchErrorLogsToCloudWatch: Check {
    static let log = "ES_APPLICATION_LOGS"

    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain does not publish its error logs to CloudWatch Logs.",
        explanation: "The application (error) logs record failed requests, shard failures and garbage-collection problems on the cluster's nodes. Kept only on the nodes, they are out of reach when the domain misbehaves; in CloudWatch Logs they can be searched, kept and alarmed on.",
        fix: "Add an ES_APPLICATION_LOGS entry to LogPublishingOptions with Enabled: true and a CloudWatchLogsLogGroupArn (and a log group resource policy that lets the service write to it).",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  LogPublishingOptions:
                    ES_APPLICATION_LOGS:
                      Enabled: true
                      CloudWatchLogsLogGroupArn: !GetAtt ErrorLogs.Arn
              ErrorLogs:
                Type: AWS::Logs::LogGroup
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::Elasticsearch::Domain
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ↓LogPublishingOptions:
                    SEARCH_SLOW_LOGS:
                      Enabled: true
                      CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:slow
            """),
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ↓LogPublishingOptions:
                    ES_APPLICATION_LOGS: !If
                      - IsProd
                      - {Enabled: true, CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:errors}
                      - !Ref AWS::NoValue
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  LogPublishingOptions:
                    ES_APPLICATION_LOGS: ↓!If
                      - IsProd
                      - {Enabled: true, CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:errors}
                      - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "LogPublishingOptions"], in: context) {
        case .absent: return .violation(at: resource.position, "LogPublishingOptions is not set")
        case .unknown(let why): return .unknown(why)
        case .present: break
        }
        let options = context.resolve(resource, "LogPublishingOptions")
        if let why = options.unresolved ?? options.resourceLink?.unknownUntilDeployed { return .unknown(why) }
        switch Presence(options.map?[Self.log], in: context) {
        case .absent: return .violation(at: resource.position(ofProperty: "LogPublishingOptions"), "\(Self.log) is not published")
        case .unknown(let why): return .unknown(why)
        case .present: return .compliant
        }
    }
}
