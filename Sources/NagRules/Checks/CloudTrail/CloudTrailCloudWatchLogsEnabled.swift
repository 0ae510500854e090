/// CloudTrail trails deliver their events to a CloudWatch Logs log group (`CloudWatchLogsLogGroupArn` is set).
struct CloudTrailCloudWatchLogsEnabled: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::CloudTrail::Trail"],
        cause: "The CloudTrail trail does not send its events to CloudWatch Logs.",
        explanation: """
        A trail that only writes to S3 can be searched after the fact, but not watched. Delivered to a \
        CloudWatch Logs log group, its API events can drive metric filters and alarms (root account use, \
        policy changes, failed sign-ins) and be queried with Logs Insights as they arrive.
        """,
        fix: "Set CloudWatchLogsLogGroupArn to the ARN of a log group, and CloudWatchLogsRoleArn to a role that lets CloudTrail write to it.",
        examples: [
            .compliant("""
            Resources:
              TrailLogs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 365
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
                  CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/trail-to-logs
            """),
            .nonCompliant("""
            Resources:
              ↓Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
            """),
            .nonCompliant("""
            Parameters:
              Stream:
                Type: String
                Default: "no"
            Conditions:
              Streaming: !Equals [!Ref Stream, "yes"]
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  ↓CloudWatchLogsLogGroupArn: !If [Streaming, arn:aws:logs:us-east-1:123456789012:log-group:trail:*, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Stream:
                Type: String
            Conditions:
              Streaming: !Equals [!Ref Stream, "yes"]
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  CloudWatchLogsLogGroupArn: ↓!If [Streaming, arn:aws:logs:us-east-1:123456789012:log-group:trail:*, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("CloudWatchLogsLogGroupArn", of: resource, in: context)
    }
}
