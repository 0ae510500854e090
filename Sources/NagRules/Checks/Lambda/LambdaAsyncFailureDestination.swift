/// An asynchronous invocation configuration of a Lambda function sends the events that fail to a destination.
struct LambdaAsyncFailureDestination: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::EventInvokeConfig"],
        cause: "The Lambda function's asynchronous invocation configuration has no destination for failed events.",
        explanation: "An event invoked asynchronously that still fails after its retries, or that grows too old, is dropped. An on-failure destination (an SQS queue, SNS topic, EventBridge bus or another function) receives it with the details of the failure, so it can be examined and processed again.",
        fix: "Set DestinationConfig.OnFailure.Destination to the ARN of a queue, topic, event bus or function, and allow the function's role to send to it.",
        examples: [
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
              Async:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: handler
                  Qualifier: $LATEST
                  DestinationConfig:
                    OnFailure:
                      Destination: !GetAtt Failed.Arn
            """),
            .compliant("""
            Parameters:
              FailedTopic:
                Type: String
                Default: arn:aws:sns:eu-west-1:123456789012:failed
            Resources:
              Async:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: handler
                  Qualifier: $LATEST
                  DestinationConfig:
                    OnFailure:
                      Destination: !Ref FailedTopic
            """),
            .nonCompliant("""
            Resources:
              ↓Async:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: handler
                  Qualifier: $LATEST
                  MaximumRetryAttempts: 1
            """),
            .nonCompliant("""
            Resources:
              Async:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: handler
                  Qualifier: $LATEST
                  ↓DestinationConfig:
                    OnSuccess:
                      Destination: arn:aws:sns:eu-west-1:123456789012:done
            """),
            .nonCompliant("""
            Parameters:
              FailedTopic:
                Type: String
                Default: ""
            Resources:
              Async:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: handler
                  Qualifier: $LATEST
                  DestinationConfig:
                    OnFailure:
                      ↓Destination: !Ref FailedTopic
            """),
            .unknown("""
            Parameters:
              FailedTopic:
                Type: String
            Resources:
              Async:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: handler
                  Qualifier: $LATEST
                  DestinationConfig:
                    OnFailure:
                      Destination: ↓!Ref FailedTopic
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        LambdaFailureDestinations.requireFailureDestination(of: resource, in: context)
    }
}
