/// Event sources Lambda polls: an `AWS::Lambda::EventSourceMapping` named `<Function><Event>` and the role
/// permissions the poller needs (an AWS managed policy for SQS, Kinesis and DynamoDB streams; inline
/// statements for MSK, MQ, self-managed Kafka and DocumentDB).
enum SAMPollers {
    /// Event properties copied to the mapping unchanged.
    static let copied = [
        "BatchSize", "Enabled", "StartingPosition", "StartingPositionTimestamp", "MaximumBatchingWindowInSeconds",
        "MaximumRetryAttempts", "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "DestinationConfig",
        "ParallelizationFactor", "TumblingWindowInSeconds", "FunctionResponseTypes", "FilterCriteria", "ScalingConfig",
        "Topics", "Queues", "SourceAccessConfigurations", "KmsKeyArn", "MetricsConfig", "ProvisionedPollerConfig",
        "SelfManagedEventSource", "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig",
        "DocumentDBEventSourceConfig",
    ]

    static func expand(type: String, id: String, properties: ValueMap, at position: Position, of source: SAMSource,
                       target: SAMInvokeTarget, role: inout SAMRoleNeeds, into context: inout SAMContext) {
        let arn = properties["Queue"] ?? properties["Stream"] ?? properties["Broker"] ?? properties["Cluster"]
        var mapping = ValueMap()
        mapping.put("EventSourceArn", arn)
        mapping.put("FunctionName", target.name(at: position))
        for key in copied {
            if let entry = properties.entry(key) { mapping.set(key, entry.value, keyPosition: entry.keyPosition) }
        }
        context.add(id, type: "AWS::Lambda::EventSourceMapping", properties: mapping, from: source)
        switch type {
        case "SQS": role.managedPolicy("service-role/AWSLambdaSQSQueueExecutionRole", at: position)
        case "Kinesis": role.managedPolicy("service-role/AWSLambdaKinesisExecutionRole", at: position)
        case "DynamoDB": role.managedPolicy("service-role/AWSLambdaDynamoDBExecutionRole", at: position)
        case "MSK": role.managedPolicy("service-role/AWSLambdaMSKExecutionRole", at: position)
        default:
            let actions = type == "MQ"
                ? ["secretsmanager:GetSecretValue", "mq:DescribeBroker"]
                : ["secretsmanager:GetSecretValue", "kms:Decrypt"]
            let resource = arn ?? .text("*", at: position)
            role.inlinePolicies.append(SAMPolicies.inline(
                name: "SamAuto" + type + "Policy",
                document: SAMFunctionRole.document([SAMFunctionRole.statement(actions: actions, resource: resource, at: position)], at: position)))
        }
    }
}
