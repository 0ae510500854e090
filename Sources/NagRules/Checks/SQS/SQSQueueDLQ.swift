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
        let targets = context.index(DeadLetterTargets.self)
        if targets.links.contains(resource.logicalId) { return .compliant }
        let usedAsDLQ = targets.written.contains { target in
            CdkNagText.containsName(resource.logicalId, in: target.flattened, allowingHyphen: true)
                || (name.map { SQSQueues.endsArn(target.flattened, withName: $0) || SQSQueues.endsArn(target.resolved, withName: $0) } ?? false)
        }
        return usedAsDLQ ? .compliant : .violation(at: resource.position)
    }
}

/// The dead-letter targets of the template's queues (`RedrivePolicy.deadLetterTargetArn`) and functions
/// (`DeadLetterConfig.TargetArn`), read once per template, so a queue without its own dead-letter queue is
/// looked up instead of every queue and function being resolved again for it (O(n²) on large stacks).
private struct DeadLetterTargets: TemplateIndex {
    /// A target as written (cdk-nag's flattened text) and as resolved ("" when it is not a string).
    struct Written: Sendable {
        var flattened: String
        var resolved: String
    }

    /// Logical ids the targets link to (Ref, GetAtt).
    var links: Set<String> = []
    /// The targets that are set, in document order.
    var written: [Written] = []

    init(context: RuleContext) {
        for other in context.graph.resources(ofTypes: [SQSQueues.queueType, "AWS::Lambda::Function"]) {
            let isQueue = other.type == SQSQueues.queueType
            let target = isQueue
                ? context.resolver.resolve(other[property: "RedrivePolicy"], at: "deadLetterTargetArn")
                : context.resolver.resolve(other[property: "DeadLetterConfig"], at: "TargetArn")
            if let link = target.resourceLink?.logicalId { links.insert(link) }
            let text = CdkNagText.flatten(isQueue ? other[property: "RedrivePolicy"]?["deadLetterTargetArn"]
                                                  : other[property: "DeadLetterConfig"]?["TargetArn"])
            let resolved = target.string ?? ""
            if !text.isEmpty || !resolved.isEmpty { written.append(Written(flattened: text, resolved: resolved)) }
        }
    }
}
