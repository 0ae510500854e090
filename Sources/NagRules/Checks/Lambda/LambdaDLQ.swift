/// A Lambda function has a dead-letter queue or topic for the asynchronous events it fails to process.
struct LambdaDLQ: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function has no dead-letter target for failed asynchronous invocations.",
        explanation: "When an asynchronous invocation still fails after Lambda's retries, the event is dropped. A dead-letter configuration sends it to an SQS queue or SNS topic instead, so the failure is seen and the event can be processed again.",
        fix: "Set DeadLetterConfig.TargetArn to the ARN of an SQS queue or SNS topic, and allow the function's role to send to it.",
        examples: [
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  DeadLetterConfig:
                    TargetArn: !GetAtt Failed.Arn
            """),
            .compliant("""
            Parameters:
              FailedTopic:
                Type: String
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  DeadLetterConfig:
                    TargetArn: !Ref FailedTopic
            """),
            .nonCompliant("""
            Resources:
              ↓Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
            """),
            .nonCompliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ↓DeadLetterConfig: {}
            """),
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  DeadLetterConfig:
                    ↓TargetArn: !If [Production, !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:failed", !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  DeadLetterConfig: ↓!If
                    - Production
                    - TargetArn: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:failed"
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config = PropertyLookup.find(resource, "DeadLetterConfig", in: context)
        if config.resolved.isAbsent { return .violation(at: resource.position, "DeadLetterConfig is not set") }
        if let why = config.resolved.unresolved { return .unknown(why) }
        let map = config.resolved.map
        switch Presence(map?["TargetArn"], in: context) {
        case .present: return .compliant
        case .unknown(let why): return .unknown(why)
        case .absent:
            return .violation(at: PropertyLookup.position(of: "TargetArn", in: map, else: config.position),
                              "DeadLetterConfig has no TargetArn")
        }
    }
}
