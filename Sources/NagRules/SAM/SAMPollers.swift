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
        case "DocumentDB", "MQ":
            role.inlinePolicies.append(secretPollerPolicy(type: type, id: id, properties: properties, arn: arn, at: position))
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

    /// The inline policy of a DocumentDB or MQ poller: reading the `BASIC_AUTH` secret of
    /// `SourceAccessConfigurations`, describing the cluster or broker (and, for DocumentDB, the parameter and subnet
    /// groups and the network interfaces it creates), and decrypting with `SecretsManagerKmsKeyId`.
    static func secretPollerPolicy(type: String, id: String, properties: ValueMap, arn: Value?, at position: Position) -> Value {
        let secret = properties["SourceAccessConfigurations"]?.listValue?.first { $0["Type"]?.stringValue == "BASIC_AUTH" }?["URI"]
            ?? .text("", at: position)
        func statement(_ actions: [String], _ resource: Value) -> Value {
            .fields([("Action", .items(actions.map { .text($0, at: position) }, at: position)), ("Effect", .text("Allow", at: position)),
                     ("Resource", resource)], at: position)
        }
        var statements = [statement(["secretsmanager:GetSecretValue"], secret)]
        if type == "DocumentDB" {
            statements += [
                statement(["rds:DescribeDBClusterParameters"], .sub("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster-pg:*", at: position)),
                statement(["rds:DescribeDBSubnetGroups"], .sub("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:subgrp:*", at: position)),
                statement(["rds:DescribeDBClusters"], arn ?? .text("", at: position)),
                statement(["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:DescribeVpcs",
                           "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"], .text("*", at: position)),
            ]
        } else {
            statements.append(statement(["mq:DescribeBroker"], arn ?? .text("", at: position)))
        }
        if let key = properties["SecretsManagerKmsKeyId"] {
            statements.append(.fields([
                ("Action", .text("kms:Decrypt", at: position)), ("Effect", .text("Allow", at: position)),
                ("Resource", .sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}", [("KeyId", key)], at: key.position)),
            ], at: position))
        }
        let name = type == "MQ" && properties["DynamicPolicyName"]?.boolValue == true ? id + "AMQPolicy" : "SamAutoGenerated\(type == "MQ" ? "AMQ" : type)Policy"
        return SAMPolicies.inline(name: name, document: .fields([("Statement", .items(statements, at: position))], at: position))
    }
}
