/// A function's `Events`: validation and the resources each event source type generates.
///
/// Push sources get a `<Function><Event>Permission` letting their service invoke the function; rules,
/// subscriptions and mappings are named `<Function><Event>`. Pollers (SQS, Kinesis, DynamoDB, MSK, MQ,
/// self-managed Kafka, DocumentDB) get an event source mapping and the role policy they need (``SAMPollers``);
/// `Api` and `HttpApi` events add routes and permissions (``SAMApiEvents``).
enum SAMEvents {
    /// Each event type the transform accepts, with the properties it requires.
    static let required: [String: [String]] = [
        "Api": [], "HttpApi": [], "S3": ["Bucket", "Events"], "SNS": ["Topic"], "SQS": ["Queue"],
        "Kinesis": ["Stream"], "DynamoDB": ["Stream"], "MSK": ["Stream"], "MQ": ["Broker"],
        "SelfManagedKafka": [], "DocumentDB": [], "Schedule": [], "ScheduleV2": [], "CloudWatchEvent": [],
        "EventBridgeRule": [], "CloudWatchLogs": ["LogGroupName", "FilterPattern"], "IoTRule": ["Sql"],
        "AlexaSkill": [], "Cognito": ["UserPool", "Trigger"],
    ]

    /// Why the translator would reject the event, or nil.
    static func problem(_ event: ValueMap.Entry) -> String? {
        guard let map = event.value.mapValue else { return "event \(event.key) must be a map with Type and Properties" }
        guard let type = map["Type"]?.stringValue else { return "event \(event.key) has no Type" }
        guard let needed = required[type] else { return "event \(event.key) has unknown type \(type)" }
        for property in needed where map["Properties"]?[property] == nil {
            return "event \(event.key) of type \(type) needs property \(property)"
        }
        return nil
    }

    static func expand(_ event: ValueMap.Entry, of source: SAMSource, target: SAMInvokeTarget, role: inout SAMRoleNeeds,
                       into context: inout SAMContext) {
        guard let type = event.value["Type"]?.stringValue else { return }
        let properties = event.value["Properties"]?.mapValue ?? ValueMap()
        let id = source.logicalId + event.key
        let at = event.keyPosition
        switch type {
        case "Api": SAMApiEvents.rest(event, properties: properties, of: source, target: target, into: &context)
        case "HttpApi": SAMApiEvents.http(event, properties: properties, of: source, target: target, into: &context)
        case "SQS", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB":
            SAMPollers.expand(type: type, id: id, properties: properties, at: at, of: source, target: target, role: &role, into: &context)
        case "SNS":
            let topic = properties["Topic"] ?? .text("", at: at)
            var subscription = ValueMap()
            if let sqs = properties["SqsSubscription"], sqs.boolValue != false {
                SAMEventQueues.snsQueue(sqs, id: id, topic: topic, of: source, target: target, role: &role, into: &context)
                subscription.put("Endpoint", sqs["QueueArn"] ?? .getAtt(id + "Queue", "Arn", at: sqs.position))
                subscription.put("Protocol", .text("sqs", at: at))
            } else {
                subscription.put("Endpoint", target.arn(at: at))
                subscription.put("Protocol", .text("lambda", at: at))
            }
            subscription.put("TopicArn", topic)
            subscription.put("FilterPolicy", properties["FilterPolicy"])
            subscription.put("FilterPolicyScope", properties["FilterPolicyScope"])
            subscription.put("Region", properties["Region"])
            subscription.put("RedrivePolicy", properties["RedrivePolicy"])
            context.add(id, type: "AWS::SNS::Subscription", properties: subscription, from: source)
            if properties["SqsSubscription"].map({ $0.boolValue != false }) != true {
                permission(id, principal: "sns.amazonaws.com", sourceArn: topic, of: source, target: target, at: at, into: &context)
            }
        case "S3":
            permission(id, principal: "s3.amazonaws.com", sourceAccount: .ref("AWS::AccountId", at: at), of: source, target: target,
                       at: at, into: &context)
        case "Schedule", "CloudWatchEvent", "EventBridgeRule":
            var rule = ValueMap()
            if type == "Schedule" {
                rule.put("ScheduleExpression", properties["Schedule"])
            } else {
                rule.put("EventBusName", properties["EventBusName"])
                rule.put("EventPattern", properties["Pattern"])
            }
            rule.put("Description", properties["Description"])
            rule.put("Name", properties["Name"])
            rule.put("State", properties["State"] ?? properties["Enabled"].map { enabled in
                .text(enabled.boolValue == false ? "DISABLED" : "ENABLED", at: enabled.position)
            })
            var ruleTarget: [(String, Value)] = [("Arn", target.arn(at: at)), ("Id", .text(id + "LambdaTarget", at: at))]
            if let input = properties["Input"] { ruleTarget.append(("Input", input)) }
            if let path = properties["InputPath"] { ruleTarget.append(("InputPath", path)) }
            ruleTarget.put("DeadLetterConfig", SAMEventQueues.ruleDeadLetter(properties["DeadLetterConfig"], ruleId: id,
                                                                              service: "events.amazonaws.com", of: source, into: &context))
            if let retry = properties["RetryPolicy"] { ruleTarget.append(("RetryPolicy", retry)) }
            rule.put("Targets", .items([.fields(ruleTarget, at: at)], at: at))
            context.add(id, type: "AWS::Events::Rule", properties: rule, from: source)
            permission(id, principal: "events.amazonaws.com", sourceArn: .getAtt(id, "Arn", at: at), of: source, target: target,
                       at: at, into: &context)
        case "ScheduleV2":
            SAMScheduleV2.expand(id: id, properties: properties,
                                 target: SAMScheduleV2.Target(arn: target.arn(at: at), action: "lambda:InvokeFunction", policySuffix: "LambdaPolicy"),
                                 at: at, of: source, into: &context)
        case "CloudWatchLogs":
            let logGroup = properties["LogGroupName"] ?? .text("", at: at)
            permission(id, principal: "logs.amazonaws.com",
                       sourceArn: .sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*",
                                       [("__LogGroupName__", logGroup)], at: at),
                       of: source, target: target, at: at, into: &context)
            var filter = ValueMap()
            filter.put("DestinationArn", target.arn(at: at))
            filter.put("FilterPattern", properties["FilterPattern"])
            filter.put("LogGroupName", logGroup)
            context.add(id, type: "AWS::Logs::SubscriptionFilter", properties: filter, from: source,
                        attributes: [("DependsOn", .items([.text(id + "Permission", at: at)], at: at))])
        case "IoTRule":
            var payload: [(String, Value)] = [("Sql", properties["Sql"] ?? .text("", at: at)), ("RuleDisabled", .flag(false, at: at)),
                                              ("Actions", .items([.fields([("Lambda", .fields([("FunctionArn", target.arn(at: at))], at: at))], at: at)], at: at))]
            if let version = properties["AwsIotSqlVersion"] { payload.append(("AwsIotSqlVersion", version)) }
            context.add(id, type: "AWS::IoT::TopicRule", properties: ValueMap([SAMFunctionVersions.entry("TopicRulePayload", .fields(payload, at: at))]),
                        from: source)
            permission(id, principal: "iot.amazonaws.com", sourceAccount: .ref("AWS::AccountId", at: at),
                       sourceArn: .sub("arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}",
                                       [("RuleName", .ref(id, at: at))], at: at),
                       of: source, target: target, at: at, into: &context)
        case "Cognito":
            permission(id, principal: "cognito-idp.amazonaws.com", sourceArn: .getAtt(properties["UserPool"]?.intrinsicValue?.refTarget ?? "", "Arn", at: at),
                       of: source, target: target, at: at, into: &context)
        case "AlexaSkill":
            permission(id, principal: "alexa-appkit.amazon.com", of: source, target: target, at: at, into: &context)
        default:
            break
        }
    }

    /// A `<id>Permission` letting `principal` invoke the target.
    static func permission(_ id: String, suffix: String = "Permission", principal: String, sourceAccount: Value? = nil, sourceArn: Value? = nil,
                           of source: SAMSource, target: SAMInvokeTarget, at position: Position, into context: inout SAMContext) {
        var properties = ValueMap()
        properties.put("Action", .text("lambda:InvokeFunction", at: position))
        properties.put("FunctionName", target.name(at: position))
        properties.put("Principal", .text(principal, at: position))
        properties.put("SourceAccount", sourceAccount)
        properties.put("SourceArn", sourceArn)
        context.add(id + suffix, type: "AWS::Lambda::Permission", properties: properties, from: source)
    }
}
