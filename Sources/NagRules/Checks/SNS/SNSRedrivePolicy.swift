/// An SNS subscription has a redrive policy that keeps the messages it cannot deliver.
struct SNSRedrivePolicy: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::SNS::Subscription"],
        cause: "The SNS subscription has no redrive policy sending undeliverable messages to a dead-letter queue.",
        explanation: "When a subscriber stays unreachable or rejects a message, SNS retries and then drops it. A redrive policy moves such messages to an SQS dead-letter queue instead, where they can be inspected and replayed rather than lost.",
        fix: "Set RedrivePolicy to {deadLetterTargetArn: <ARN of an SQS queue>} and allow the topic to send messages to that queue.",
        examples: [
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
              Orders:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: arn:aws:sns:eu-west-1:123456789012:orders
                  Protocol: https
                  Endpoint: https://example.com/orders
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Failed.Arn
            """),
            .nonCompliant("""
            Resources:
              ↓Orders:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: arn:aws:sns:eu-west-1:123456789012:orders
                  Protocol: https
                  Endpoint: https://example.com/orders
            """),
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Orders:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: arn:aws:sns:eu-west-1:123456789012:orders
                  Protocol: https
                  Endpoint: https://example.com/orders
                  ↓RedrivePolicy: !If
                    - Production
                    - {deadLetterTargetArn: arn:aws:sqs:eu-west-1:123456789012:failed}
                    - !Ref AWS::NoValue
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Orders:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: arn:aws:sns:eu-west-1:123456789012:orders
                  Protocol: https
                  Endpoint: https://example.com/orders
                  RedrivePolicy: ↓!If
                    - Production
                    - {deadLetterTargetArn: arn:aws:sqs:eu-west-1:123456789012:failed}
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("RedrivePolicy", of: resource, in: context)
    }
}
