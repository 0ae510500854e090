/// An SQS queue has a redrive policy that moves the messages it cannot process to a dead-letter queue.
struct SQSRedrivePolicy: Check {
    let about = CheckAbout(
        resourceTypes: [SQSQueues.queueType],
        cause: "The SQS queue has no redrive policy sending unprocessable messages to a dead-letter queue.",
        explanation: "A message that consumers fail on again and again keeps coming back until its retention period ends and it is deleted, costing work on every attempt and hiding the failure. A redrive policy moves it to a dead-letter queue after a set number of receives, where it can be examined and replayed. A queue that serves as a dead-letter queue is read the same way.",
        fix: "Set RedrivePolicy to {deadLetterTargetArn: <ARN of another queue>, maxReceiveCount: <attempts>}.",
        examples: [
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: arn:aws:sqs:eu-west-1:123456789012:failed-again
                    maxReceiveCount: 3
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Failed.Arn
                    maxReceiveCount: 5
            """),
            .compliant("""
            Parameters:
              Policy:
                Type: String
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy: !Ref Policy
            """),
            .nonCompliant("""
            Resources:
              ↓Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 60
            """),
            .nonCompliant("""
            Parameters:
              WithDlq:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "false"
            Conditions:
              HasDlq: !Equals [!Ref WithDlq, "true"]
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  ↓RedrivePolicy: !If
                    - HasDlq
                    - {deadLetterTargetArn: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:failed", maxReceiveCount: 5}
                    - !Ref AWS::NoValue
            """, when: "WithDlq=false"),
            .unknown("""
            Parameters:
              WithDlq:
                Type: String
            Conditions:
              HasDlq: !Equals [!Ref WithDlq, "true"]
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy: ↓!If
                    - HasDlq
                    - {deadLetterTargetArn: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:failed", maxReceiveCount: 5}
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("RedrivePolicy", of: resource, in: context)
    }
}
