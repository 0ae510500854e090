/// What a function's events add to its generated role: the managed policies a poller needs (SQS, Kinesis,
/// DynamoDB streams) and inline statements.
struct SAMRoleNeeds {
    var managedPolicies: [Value] = []
    var inlinePolicies: [Value] = []

    /// Adds the AWS managed policy `path` (after `arn:aws:iam::aws:policy/`) once.
    mutating func managedPolicy(_ path: String, at position: Position) {
        let arn = "arn:aws:iam::aws:policy/" + path
        if !managedPolicies.contains(where: { $0.stringValue == arn }) {
            managedPolicies.append(.text(arn, at: position))
        }
    }
}

/// The role SAM generates for a function without `Role`: `<Function>Role`, trusted by Lambda, holding the
/// basic execution policy, X-Ray and VPC policies when tracing or a VPC is configured, the `Policies`, the
/// dead-letter queue's send permission and what the events need.
enum SAMFunctionRole {
    static func expand(_ source: SAMSource, policies: SAMPolicies, needs: SAMRoleNeeds, into context: inout SAMContext) {
        let at = source.position
        let basic = source["DurableConfig"] == nil ? "AWSLambdaBasicExecutionRole" : "AWSLambdaBasicDurableExecutionRolePolicy"
        var managed: [Value] = [.text("arn:aws:iam::aws:policy/service-role/" + basic, at: at)]
        // The translator adds X-Ray for any `Tracing` but an empty one or `Disabled`.
        if let tracing = source["Tracing"], tracing.stringValue != "", tracing.stringValue != "Disabled" {
            managed.append(.text("arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", at: tracing.position))
        }
        if let vpc = source["VpcConfig"] {
            managed.append(.text("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole", at: vpc.position))
        }
        managed += policies.managedPolicyArns + needs.managedPolicies
        var inline: [Value] = []
        if let queue = source["DeadLetterQueue"], let target = queue["TargetArn"] {
            let action = queue["Type"]?.stringValue == "SNS" ? "sns:Publish" : "sqs:SendMessage"
            inline.append(SAMPolicies.inline(name: "DeadLetterQueuePolicy", document: document([
                statement(actions: [action], resource: target, at: queue.position),
            ], at: queue.position)))
        }
        inline += policies.inlinePolicies + needs.inlinePolicies
        var properties = ValueMap()
        properties.put("AssumeRolePolicyDocument", source["AssumeRolePolicyDocument"] ?? trustPolicy(service: "lambda.amazonaws.com", at: at))
        properties.put("ManagedPolicyArns", .items(managed, at: source.position(of: "Policies")))
        if !inline.isEmpty { properties.put("Policies", .items(inline, at: source.position(of: "Policies"))) }
        properties.put("PermissionsBoundary", source["PermissionsBoundary"])
        properties.put("Path", source["RolePath"])
        properties.put("Tags", SAMFunction.tags(source["Tags"], at: at))
        context.add(source.logicalId + "Role", type: "AWS::IAM::Role", properties: properties, from: source)
    }

    /// A trust policy letting `service` assume the role.
    static func trustPolicy(service: String, at position: Position) -> Value {
        document([
            .fields([
                ("Action", .items([.text("sts:AssumeRole", at: position)], at: position)),
                ("Effect", .text("Allow", at: position)),
                ("Principal", .fields([("Service", .items([.text(service, at: position)], at: position))], at: position)),
            ], at: position),
        ], at: position)
    }

    static func document(_ statements: [Value], at position: Position) -> Value {
        .fields([("Version", .text("2012-10-17", at: position)), ("Statement", .items(statements, at: position))], at: position)
    }

    static func statement(actions: [String], resource: Value, at position: Position) -> Value {
        let action: Value = actions.count == 1 ? .text(actions[0], at: position) : .items(actions.map { .text($0, at: position) }, at: position)
        return .fields([("Action", action), ("Resource", resource), ("Effect", .text("Allow", at: position))], at: position)
    }
}
