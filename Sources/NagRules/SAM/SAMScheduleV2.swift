/// A `ScheduleV2` event of a function or a state machine: an `AWS::Scheduler::Schedule` `<Source><Event>`,
/// unless `RoleArn` is given a role `<Source><Event>Role` the scheduler assumes (allowed to invoke the function
/// or start the state machine, and to send to the dead-letter queue), and with `DeadLetterConfig: {Type: SQS}`
/// a queue `<Source><Event>Queue` (or `QueueLogicalId`).
enum SAMScheduleV2 {
    /// What the schedule calls: its ARN and the role statement allowing the call.
    struct Target {
        let arn: Value
        let action: String
        let policySuffix: String
    }

    static func expand(id: String, properties: ValueMap, target: Target, at: Position, of source: SAMSource,
                       into context: inout SAMContext) {
        var schedule = ValueMap()
        schedule.put("ScheduleExpression", properties["ScheduleExpression"])
        schedule.put("State", properties["State"])
        if properties["OmitName"]?.boolValue != true {
            schedule.put("Name", properties["Name"] ?? .text(id, at: at))
        }
        schedule.put("Description", properties["Description"])
        schedule.put("FlexibleTimeWindow", properties["FlexibleTimeWindow"] ?? .fields([("Mode", .text("OFF", at: at))], at: at))
        for key in ["StartDate", "EndDate", "ScheduleExpressionTimezone", "GroupName", "KmsKeyArn"] {
            schedule.put(key, properties[key])
        }
        var deadLetterArn: Value?
        if let config = properties["DeadLetterConfig"] {
            if let arn = config["Arn"] {
                deadLetterArn = arn
            } else {
                let queueId = config["QueueLogicalId"]?.stringValue ?? id + "Queue"
                context.add(queueId, type: "AWS::SQS::Queue", properties: ValueMap(), from: source, position: config.position)
                deadLetterArn = .getAtt(queueId, "Arn", at: config.position)
            }
        }
        var roleArn = properties["RoleArn"]
        if roleArn == nil {
            let roleId = id + "Role"
            var policies: [Value] = [policy(name: id + target.policySuffix, action: target.action, resource: target.arn, at: at)]
            if let deadLetterArn { policies.append(policy(name: id + "SQSPolicy", action: "sqs:SendMessage", resource: deadLetterArn, at: at)) }
            var role = ValueMap()
            role.put("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(service: "scheduler.amazonaws.com", at: at))
            role.put("Policies", .items(policies, at: at))
            role.put("PermissionsBoundary", properties["PermissionsBoundary"])
            context.add(roleId, type: "AWS::IAM::Role", properties: role, from: source)
            roleArn = .getAtt(roleId, "Arn", at: at)
        }
        var fields: [(String, Value)] = [("Arn", target.arn)]
        fields.put("RoleArn", roleArn)
        fields.put("Input", properties["Input"])
        fields.put("DeadLetterConfig", deadLetterArn.map { .fields([("Arn", $0)], at: $0.position) })
        fields.put("RetryPolicy", properties["RetryPolicy"])
        schedule.put("Target", .fields(fields, at: at))
        context.add(id, type: "AWS::Scheduler::Schedule", properties: schedule, from: source)
    }

    static func policy(name: String, action: String, resource: Value, at: Position) -> Value {
        let statement = Value.fields([("Action", .text(action, at: at)), ("Effect", .text("Allow", at: at)), ("Resource", resource)], at: at)
        return SAMPolicies.inline(name: name, document: .fields([("Statement", .items([statement], at: at))], at: at))
    }
}
