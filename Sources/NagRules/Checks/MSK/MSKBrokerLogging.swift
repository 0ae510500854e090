/// AwsSolutions-MSK6: the brokers deliver their logs to S3, CloudWatch Logs or Kinesis Data Firehose.
struct MSKBrokerLogging: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MSK::Cluster"],
        cause: "The MSK cluster does not send its broker logs to any destination.",
        explanation: "Broker logs record connections, authentication failures and errors of the Kafka brokers. Without a log destination there is nothing to troubleshoot the cluster or investigate access with.",
        fix: "Set LoggingInfo.BrokerLogs with S3, CloudWatchLogs or Firehose Enabled: true and its destination.",
        examples: [
            .compliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  LoggingInfo:
                    BrokerLogs:
                      CloudWatchLogs:
                        Enabled: true
                        LogGroup: kafka-brokers
            """),
            .nonCompliant("""
            Resources:
              ↓Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
            """),
            .nonCompliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  ↓LoggingInfo:
                    BrokerLogs:
                      S3:
                        Enabled: false
                      Firehose:
                        Enabled: "false"
            """),
            .compliant("""
            Parameters:
              Logs:
                Type: String
                Default: "true"
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  LoggingInfo:
                    BrokerLogs:
                      S3:
                        Enabled: !Ref Logs
                        Bucket: kafka-logs
            """),
            .unknown("""
            Parameters:
              Logs:
                Type: String
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  LoggingInfo:
                    BrokerLogs:
                      S3:
                        Enabled: ↓!Ref Logs
                        Bucket: kafka-logs
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let logging = PropertyLookup.find(resource, "LoggingInfo", in: context)
        if let why = logging.unresolved { return .unknown(why) }
        if logging.resolved.isAbsent { return .violation(at: logging.position) }
        for destination in ["S3", "CloudWatchLogs", "Firehose"] {
            let enabled = PropertyLookup.find(resource, "LoggingInfo", "BrokerLogs", destination, "Enabled", in: context)
            if let why = enabled.unresolved { return .unknown(why) }
            if enabled.resolved.bool == true { return .compliant }
        }
        return .violation(at: logging.position, "no broker log destination is enabled")
    }
}
