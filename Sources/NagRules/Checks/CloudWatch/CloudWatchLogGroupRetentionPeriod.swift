/// CloudWatch Logs log groups set a retention period (`RetentionInDays`).
struct CloudWatchLogGroupRetentionPeriod: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Logs::LogGroup"],
        cause: "The log group does not set a retention period.",
        explanation: """
        A log group without RetentionInDays keeps its events forever. Choosing the period on purpose keeps \
        logs as long as investigations, audits and regulations need them, and stops paying for, and \
        exposing, data past that point.
        """,
        fix: "Set RetentionInDays to one of the periods CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653).",
        examples: [
            .compliant("""
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 365
            """),
            .nonCompliant("""
            Resources:
              ↓Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: /app/web
            """),
            .compliant("""
            Parameters:
              Retention:
                Type: Number
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: !Ref Retention
            """),
            .nonCompliant("""
            Parameters:
              Retention:
                Type: Number
                Default: 0
            Conditions:
              KeepForever: !Equals [!Ref Retention, 0]
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  ↓RetentionInDays: !If [KeepForever, !Ref AWS::NoValue, !Ref Retention]
            """),
            .unknown("""
            Parameters:
              Retention:
                Type: Number
            Conditions:
              KeepForever: !Equals [!Ref Retention, 0]
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: ↓!If [KeepForever, !Ref AWS::NoValue, !Ref Retention]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("RetentionInDays", of: resource, in: context)
    }
}
