/// The SQS queues and SNS topics SAM creates when a destination is asked for by type without an ARN:
/// an EventBridge rule's `DeadLetterConfig: {Type: SQS}` (a queue `<Rule>Queue`, or `QueueLogicalId`, and a
/// `<Rule>QueuePolicy` letting the rule send to it) and an `EventInvokeConfig` destination with `Type: SQS` or
/// `SNS` and no `Destination` (`<Function>EventInvokeConfig<OnSuccess|OnFailure>Queue`/`Topic`), with the
/// function role's statement allowing it to send there.
enum SAMEventQueues {
    /// The `DeadLetterConfig` of a rule target: `{Arn: …}` as written, or the queue SAM creates for
    /// `{Type: SQS}`; nil when the event has none.
    static func ruleDeadLetter(_ config: Value?, ruleId: String, service: String, of source: SAMSource,
                               into context: inout SAMContext) -> Value? {
        guard let config else { return nil }
        let at = config.position
        if let arn = config["Arn"] { return .fields([("Arn", arn)], at: arn.position) }
        let queueId = config["QueueLogicalId"]?.stringValue ?? ruleId + "Queue"
        context.add(queueId, type: "AWS::SQS::Queue", properties: ValueMap(), from: source, position: at)
        let statement = Value.fields([
            ("Action", .text("sqs:SendMessage", at: at)), ("Effect", .text("Allow", at: at)),
            ("Principal", .fields([("Service", .text(service, at: at))], at: at)),
            ("Resource", .getAtt(queueId, "Arn", at: at)),
            ("Condition", .fields([("ArnEquals", .fields([("aws:SourceArn", .getAtt(ruleId, "Arn", at: at))], at: at))], at: at)),
        ], at: at)
        var policy = ValueMap()
        policy.put("PolicyDocument", SAMFunctionRole.document([statement], at: at))
        policy.put("Queues", .items([.ref(queueId, at: at)], at: at))
        context.add(ruleId + "QueuePolicy", type: "AWS::SQS::QueuePolicy", properties: policy, from: source, position: at)
        return .fields([("Arn", .getAtt(queueId, "Arn", at: at))], at: at)
    }

    /// An SNS event's `SqsSubscription`: `true` makes a queue `<Function><Event>Queue` (FIFO when the topic
    /// of this template is), a `{QueueArn, QueueUrl}` map names one; either way a queue policy
    /// `<Function><Event>QueuePolicy` (or `QueuePolicyLogicalId`) lets the topic send to it and a mapping
    /// `<Function><Event>EventSourceMapping` polls it.
    static func snsQueue(_ config: Value, id: String, topic: Value, of source: SAMSource, target: SAMInvokeTarget,
                         role: inout SAMRoleNeeds, into context: inout SAMContext) {
        let at = config.position
        var queueArn = config["QueueArn"], queueUrl = config["QueueUrl"]
        if config.boolValue == true {
            var queue = ValueMap()
            let topicId = topic.intrinsicValue?.refTarget
            if let topicId, let fifo = context.resources.first(where: { $0.logicalId == topicId })?.properties["FifoTopic"] {
                queue.put("FifoQueue", fifo)
            }
            context.add(id + "Queue", type: "AWS::SQS::Queue", properties: queue, from: source, position: at)
            queueArn = .getAtt(id + "Queue", "Arn", at: at)
            queueUrl = .ref(id + "Queue", at: at)
        }
        guard let queueArn, let queueUrl else { return }
        let statement = Value.fields([
            ("Action", .text("sqs:SendMessage", at: at)), ("Effect", .text("Allow", at: at)), ("Principal", .text("*", at: at)),
            ("Resource", queueArn), ("Condition", .fields([("ArnEquals", .fields([("aws:SourceArn", topic)], at: at))], at: at)),
        ], at: at)
        var policy = ValueMap()
        policy.put("PolicyDocument", SAMFunctionRole.document([statement], at: at))
        policy.put("Queues", .items([queueUrl], at: at))
        context.add(config["QueuePolicyLogicalId"]?.stringValue ?? id + "QueuePolicy", type: "AWS::SQS::QueuePolicy",
                    properties: policy, from: source, position: at)
        var mapping = ValueMap()
        mapping.put("EventSourceArn", queueArn)
        mapping.put("FunctionName", target.name(at: at))
        mapping.put("BatchSize", config["BatchSize"] ?? Value(.number("10"), at: at))
        mapping.put("Enabled", .flag(true, at: at))
        context.add(id + "EventSourceMapping", type: "AWS::Lambda::EventSourceMapping", properties: mapping, from: source)
        role.managedPolicy("service-role/AWSLambdaSQSQueueExecutionRole", at: at)
    }

    /// One `EventInvokeConfig` destination: the value of its `Destination`, the queue or topic SAM creates
    /// for it, and the role statement that lets the function reach it.
    struct Destination {
        let key: String
        let arn: Value
        let created: (id: String, type: String)?
        let rolePolicy: Value?
    }

    /// The destinations of `EventInvokeConfig` (`OnSuccess`, `OnFailure`), in that order.
    static func invokeDestinations(_ source: SAMSource) -> [Destination] {
        guard let config = source["EventInvokeConfig"]?["DestinationConfig"] else { return [] }
        let baseId = source.logicalId + "EventInvokeConfig"
        return ["OnSuccess", "OnFailure"].compactMap { key in
            guard let entry = config[key], let type = entry["Type"]?.stringValue else { return nil }
            let at = entry.position
            let id = baseId + key
            var arn = entry["Destination"]
            var created: (id: String, type: String)?
            // `!If [Cond, !Ref AWS::NoValue, arn]` (or the other way round) asks for a created one on one branch.
            let branches = arn?.intrinsicValue.flatMap { $0.name == .if ? $0.argument.listValue : nil }
            let noValueBranch = branches?.count == 3 ? [1, 2].first { branches?[$0].intrinsicValue?.refTarget == "AWS::NoValue" } : nil
            if arn == nil || noValueBranch != nil, type == "SQS" || type == "SNS" {
                created = type == "SQS" ? (id + "Queue", "AWS::SQS::Queue") : (id + "Topic", "AWS::SNS::Topic")
                let createdArn: Value = type == "SQS" ? .getAtt(id + "Queue", "Arn", at: at) : .ref(id + "Topic", at: at)
                if let branches, let noValueBranch {
                    var replaced = branches
                    replaced[noValueBranch] = createdArn
                    arn = Value(.intrinsic(Intrinsic(name: .if, argument: .items(replaced, at: at))), at: at)
                } else {
                    arn = createdArn
                }
            }
            guard let arn else { return nil }
            return Destination(key: key, arn: arn, created: created, rolePolicy: rolePolicy(type: type, id: id, arn: arn, at: at))
        }
    }

    /// The inline policy the function role gets for a destination of `type`.
    static func rolePolicy(type: String, id: String, arn: Value, at: Position) -> Value? {
        let statements: [(String, Value)]
        let suffix: String
        switch type {
        case "SQS": (suffix, statements) = ("SQSPolicy", [("sqs:SendMessage", arn)])
        case "SNS": (suffix, statements) = ("SNSPolicy", [("sns:publish", arn)])
        case "EventBridge": (suffix, statements) = ("EventBridgePolicy", [("events:PutEvents", arn)])
        case "Lambda": (suffix, statements) = ("LambdaPolicy", [("lambda:InvokeFunction", arn)])
        case "S3Bucket":
            (suffix, statements) = ("S3Policy", [("s3:PutObject", Value(.intrinsic(Intrinsic(name: .join, argument: .items([
                .text("/", at: at), .items([arn, .text("*", at: at)], at: at),
            ], at: at))), at: at)), ("s3:ListBucket", arn)])
        default: return nil
        }
        let document = Value.fields([("Statement", .items(statements.map { action, resource in
            .fields([("Action", .text(action, at: at)), ("Effect", .text("Allow", at: at)), ("Resource", resource)], at: at)
        }, at: at))], at: at)
        return SAMPolicies.inline(name: id + suffix, document: document)
    }
}
