/// A Lambda event source mapping sends the records it fails to process to a destination.
struct LambdaEventSourceMappingDestination: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::EventSourceMapping"],
        cause: "The Lambda event source mapping has no destination for records that fail.",
        explanation: "When a batch from a stream or queue keeps failing, the mapping retries it until the records expire or the retry limit is reached, and then skips them. An on-failure destination (an SQS queue, SNS topic, S3 bucket or Kafka topic) receives what was skipped, so no record is lost without trace.",
        fix: "Set DestinationConfig.OnFailure.Destination to the ARN of the queue, topic or bucket that should keep failed records, and allow the function's role to write to it.",
        examples: [
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: handler
                  EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
                  StartingPosition: LATEST
                  DestinationConfig:
                    OnFailure:
                      Destination: !GetAtt Failed.Arn
            """),
            .compliant("""
            Parameters:
              FailedQueue:
                Type: String
                Default: arn:aws:sqs:eu-west-1:123456789012:failed
            Resources:
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: handler
                  EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
                  StartingPosition: LATEST
                  DestinationConfig:
                    OnFailure:
                      Destination: !Ref FailedQueue
            """),
            .nonCompliant("""
            Resources:
              ↓Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: handler
                  EventSourceArn: arn:aws:sqs:eu-west-1:123456789012:jobs
            """),
            .nonCompliant("""
            Resources:
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: handler
                  EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
                  StartingPosition: LATEST
                  DestinationConfig:
                    ↓OnFailure: {}
            """),
            .nonCompliant("""
            Parameters:
              FailedQueue:
                Type: String
                Default: ""
            Resources:
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: handler
                  EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
                  StartingPosition: LATEST
                  DestinationConfig:
                    OnFailure:
                      ↓Destination: !Ref FailedQueue
            """),
            .unknown("""
            Parameters:
              FailedQueue:
                Type: String
            Resources:
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: handler
                  EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
                  StartingPosition: LATEST
                  DestinationConfig:
                    OnFailure:
                      Destination: ↓!Ref FailedQueue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        LambdaFailureDestinations.requireFailureDestination(of: resource, in: context)
    }
}
