/// AwsSolutions-SQS3: a queue has a dead-letter queue, unless it is itself the dead-letter queue of a queue
/// or a Lambda function.
struct SQSQueueDLQ: Check {
    let about = CheckAbout(
        resourceTypes: [SQSQueues.queueType],
        cause: "The SQS queue has no dead-letter queue and is not used as one.",
        explanation: "Messages that cannot be processed are retried until they expire, blocking the queue's flow and then disappearing. A dead-letter queue keeps them for inspection, so failures are noticed and the data is not lost.",
        fix: "Set RedrivePolicy with deadLetterTargetArn (the dead-letter queue's Arn) and maxReceiveCount.",
        examples: [
            // `!GetAtt Failed.Arn` in the Json-typed RedrivePolicy: cdk-nag misreads this form and flags Failed.
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Failed.Arn
                    maxReceiveCount: 5
            """),
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: failed-events
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "exports.handler = async () => {}"}
                  Handler: index.handler
                  Runtime: nodejs24.x
                  DeadLetterConfig:
                    TargetArn: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:failed-events"
            """),
            .nonCompliant("""
            Resources:
              ↓Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 60
            """),
            .nonCompliant("""
            Conditions:
              Never: !Equals [a, b]
            Resources:
              ↓Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy: !If [Never, {deadLetterTargetArn: arn:aws:sqs:eu-west-1:123456789012:dlq, maxReceiveCount: 3}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if !context.resolve(resource, "RedrivePolicy").isAbsent { return .compliant }
        let name = context.resolve(resource, "QueueName").string
        let usedAsDLQ = context.graph.resources(ofTypes: [SQSQueues.queueType, "AWS::Lambda::Function"]).contains { other in
            let target = other.type == SQSQueues.queueType
                ? context.resolver.resolve(other[property: "RedrivePolicy"], at: "deadLetterTargetArn")
                : context.resolver.resolve(other[property: "DeadLetterConfig"], at: "TargetArn")
            if target.resourceLink?.logicalId == resource.logicalId { return true }
            let written = other.type == SQSQueues.queueType
                ? other[property: "RedrivePolicy"]?["deadLetterTargetArn"]
                : other[property: "DeadLetterConfig"]?["TargetArn"]
            let text = CdkNagText.flatten(written)
            return CdkNagText.containsName(resource.logicalId, in: text, allowingHyphen: true)
                || (name.map { SQSQueues.endsArn(text, withName: $0) || SQSQueues.endsArn(target.string ?? "", withName: $0) } ?? false)
        }
        return usedAsDLQ ? .compliant : .violation(at: resource.position)
    }
}
