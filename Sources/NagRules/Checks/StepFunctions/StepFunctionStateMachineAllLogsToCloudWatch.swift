/// AwsSolutions-SF1: a state machine logs ALL events to CloudWatch Logs.
struct StepFunctionStateMachineAllLogsToCloudWatch: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::StepFunctions::StateMachine"],
        cause: "The Step Functions state machine does not log ALL events to CloudWatch Logs.",
        explanation: "Execution history in the console is kept for a limited time and only for standard workflows. Logging every event to CloudWatch Logs keeps a full record of each execution's steps for troubleshooting and audit.",
        fix: "Set LoggingConfiguration with Level ALL and a Destinations entry naming a CloudWatch log group.",
        examples: [
            .compliant("""
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
                  LoggingConfiguration:
                    Level: ALL
                    Destinations:
                      - CloudWatchLogsLogGroup: {LogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:flow}
            """),
            .nonCompliant("""
            Resources:
              ↓Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
            """),
            .nonCompliant("""
            Parameters:
              Level:
                Type: String
                Default: ERROR
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
                  LoggingConfiguration:
                    ↓Level: !Ref Level
            """),
            .unknown("""
            Parameters:
              Level:
                Type: String
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
                  LoggingConfiguration:
                    Level: ↓!Ref Level
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let logging = context.resolve(resource, "LoggingConfiguration")
        if let why = logging.unresolved { return .unknown(why) }
        guard let map = logging.map else {
            return .violation(at: logging.isAbsent ? resource.position : resource.position(ofProperty: "LoggingConfiguration"))
        }
        let level = context.resolve(map["Level"])
        if let why = level.unresolved { return .unknown(why) }
        return level.string == "ALL" ? .compliant
            : .violation(at: map.entry("Level")?.keyPosition ?? resource.position(ofProperty: "LoggingConfiguration"))
    }
}
