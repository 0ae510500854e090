/// `AWS::Serverless::StateMachine`: the `AWS::StepFunctions::StateMachine` (same logical id), its role
/// (`<StateMachine>Role`, trusted by Step Functions, unless `Role` is given), the version and alias of
/// `AutoPublishAlias`, and what its events create.
///
/// Events: `Schedule`, `CloudWatchEvent` and `EventBridgeRule` make an `AWS::Events::Rule` `<Machine><Event>`
/// with a role `<Machine><Event>Role` allowed to start executions (and, with `DeadLetterConfig: {Type: SQS}`, a
/// queue, see ``SAMEventQueues``); `ScheduleV2` makes a scheduler schedule and its role (``SAMScheduleV2``); `Api`
/// adds a route to the API it names (or the implicit `ServerlessRestApi`) and a role API Gateway assumes.
enum SAMStateMachine {
    /// Event types the translator accepts on a state machine, with the properties each requires.
    static let eventTypes: [String: [String]] = [
        "Schedule": ["Schedule"], "ScheduleV2": [], "CloudWatchEvent": [], "EventBridgeRule": [], "Api": ["Path", "Method"],
    ]

    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        if let problem = problem(source) {
            context.reject(resource, problem.message, at: problem.position)
            return
        }
        let policies = SAMPolicies(source["Policies"], roleId: resource.logicalId + "Role")
        if let problem = policies.problems.first {
            context.reject(resource, problem.message, at: problem.position)
            return
        }
        let at = source.position
        let tags = tagList(source["Tags"], at: at)
        var machine = ValueMap()
        if let definition = source.properties.entry("Definition") {
            machine.set("Definition", definition.value, keyPosition: definition.keyPosition)
        } else if let uri = source["DefinitionUri"] {
            machine.put("DefinitionS3Location", SAMFunction.s3Location(uri, bucketKey: "Bucket", keyKey: "Key", versionKey: "Version"))
        }
        machine.put("DefinitionSubstitutions", source["DefinitionSubstitutions"])
        machine.put("RoleArn", source["Role"] ?? .getAtt(resource.logicalId + "Role", "Arn", at: at))
        machine.put("StateMachineName", source["Name"])
        machine.put("StateMachineType", source["Type"])
        machine.put("LoggingConfiguration", source["Logging"])
        machine.put("TracingConfiguration", source["Tracing"])
        machine.put("Tags", tags)
        context.add(resource.logicalId, type: "AWS::StepFunctions::StateMachine", properties: machine, from: source,
                    attributes: SAMFunction.passedAttributes(resource))
        if source["Role"] == nil {
            role(source, policies: policies, tags: tags, into: &context)
        }
        if let alias = source["AutoPublishAlias"] {
            let versionId = resource.logicalId + "Version"
            var version = ValueMap()
            version.put("StateMachineArn", .ref(resource.logicalId, at: alias.position))
            version.put("StateMachineRevisionId", .getAtt(resource.logicalId, "StateMachineRevisionId", at: alias.position))
            context.add(versionId, type: "AWS::StepFunctions::StateMachineVersion", properties: version, from: source,
                        attributes: [("DeletionPolicy", .text("Retain", at: alias.position)), ("UpdateReplacePolicy", .text("Retain", at: alias.position))])
            var aliasProperties = ValueMap()
            aliasProperties.put("Name", alias)
            aliasProperties.put("DeploymentPreference", source["DeploymentPreference"] ?? .fields([
                ("Type", .text("ALL_AT_ONCE", at: alias.position)),
                ("StateMachineVersionArn", .ref(versionId, at: alias.position)),
            ], at: alias.position))
            context.add(resource.logicalId + "Alias" + (alias.stringValue ?? ""), type: "AWS::StepFunctions::StateMachineAlias",
                        properties: aliasProperties, from: source)
        }
        for event in source["Events"]?.mapValue?.entries ?? [] {
            expandEvent(event, of: source, into: &context)
        }
    }

    /// Why the translator would reject the state machine, with where.
    static func problem(_ source: SAMSource) -> (message: String, position: Position)? {
        let hasDefinition = source["Definition"] != nil, hasUri = source["DefinitionUri"] != nil
        if hasDefinition == hasUri {
            return (hasDefinition ? "give Definition or DefinitionUri, not both" : "it needs Definition or DefinitionUri",
                    source.resource.propertiesPosition)
        }
        if source["Role"] != nil, source["Policies"] != nil {
            return ("give Role or Policies, not both", source.position(of: "Policies"))
        }
        for event in source["Events"]?.mapValue?.entries ?? [] {
            guard let map = event.value.mapValue, let type = map["Type"]?.stringValue else {
                return ("event \(event.key) must be a map with Type and Properties", event.keyPosition)
            }
            guard let needed = eventTypes[type] else {
                return ("event \(event.key) has type \(type), which a state machine does not accept", event.keyPosition)
            }
            for property in needed where map["Properties"]?[property] == nil {
                return ("event \(event.key) of type \(type) needs property \(property)", event.keyPosition)
            }
        }
        return nil
    }

    /// `<Machine>Role`: trusted by Step Functions, with the `Policies` (and X-Ray when tracing is enabled).
    static func role(_ source: SAMSource, policies: SAMPolicies, tags: Value, into context: inout SAMContext) {
        var managed = policies.managedPolicyArns
        if let enabled = source["Tracing"]?["Enabled"], enabled.boolValue == true {
            managed.append(.text("arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", at: enabled.position))
        }
        var properties = ValueMap()
        properties.put("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(service: "states.amazonaws.com", at: source.position))
        if !managed.isEmpty { properties.put("ManagedPolicyArns", .items(managed, at: source.position(of: "Policies"))) }
        if !policies.inlinePolicies.isEmpty {
            properties.put("Policies", .items(policies.inlinePolicies, at: source.position(of: "Policies")))
        }
        properties.put("PermissionsBoundary", source["PermissionsBoundary"])
        properties.put("Path", source["RolePath"])
        properties.put("Tags", tags)
        context.add(source.logicalId + "Role", type: "AWS::IAM::Role", properties: properties, from: source)
    }

    static func expandEvent(_ event: ValueMap.Entry, of source: SAMSource, into context: inout SAMContext) {
        guard let type = event.value["Type"]?.stringValue else { return }
        let properties = event.value["Properties"]?.mapValue ?? ValueMap()
        let id = source.logicalId + event.key
        let at = event.keyPosition
        let machineArn = Value.ref(source.logicalId, at: at)
        if type == "ScheduleV2" {
            SAMScheduleV2.expand(id: id, properties: properties,
                                 target: SAMScheduleV2.Target(arn: machineArn, action: "states:StartExecution", policySuffix: "StartExecutionPolicy"),
                                 at: at, of: source, into: &context)
            return
        }
        if type == "Api" {
            startRole(id + "Role", principal: "apigateway.amazonaws.com", machine: source.logicalId, of: source, at: at, into: &context)
            let route = SAMApiRoute(path: properties["Path"]?.stringValue ?? "/", method: properties["Method"]?.stringValue?.lowercased() ?? "any",
                                    function: SAMInvokeTarget(logicalId: source.logicalId, isAlias: false, aliasName: nil), position: at)
            if let named = SAMApiEvents.apiName(properties["RestApiId"]) {
                context.explicitRoutes[named, default: []].append(route)
            } else {
                context.implicitRestRoutes.append(route)
                if context.implicitRestOwner == nil { context.implicitRestOwner = source }
            }
            return
        }
        var rule = ValueMap()
        if type == "Schedule" {
            rule.put("ScheduleExpression", properties["Schedule"])
            rule.put("Description", properties["Description"])
            rule.put("Name", properties["Name"])
        } else {
            rule.put("EventBusName", properties["EventBusName"])
            rule.put("EventPattern", properties["Pattern"])
            rule.put("Name", properties["RuleName"])
        }
        rule.put("State", properties["State"] ?? properties["Enabled"].map { enabled in
            .text(enabled.boolValue == false ? "DISABLED" : "ENABLED", at: enabled.position)
        })
        var roleArn = properties["RoleArn"]
        if type != "Schedule" || roleArn == nil {
            startRole(id + "Role", principal: "events.amazonaws.com", machine: source.logicalId, of: source, at: at, into: &context)
            roleArn = .getAtt(id + "Role", "Arn", at: at)
        }
        var target: [(String, Value)] = [
            ("Arn", machineArn), ("Id", properties["Target"]?["Id"] ?? .text(id + "StepFunctionsTarget", at: at)),
        ]
        target.put("RoleArn", roleArn)
        target.put("Input", properties["Input"])
        target.put("InputPath", properties["InputPath"])
        target.put("DeadLetterConfig", SAMEventQueues.ruleDeadLetter(properties["DeadLetterConfig"], ruleId: id, service: "events.amazonaws.com",
                                                                      of: source, into: &context))
        target.put("RetryPolicy", properties["RetryPolicy"])
        target.put("InputTransformer", properties["InputTransformer"])
        rule.put("Targets", .items([.fields(target, at: at)], at: at))
        context.add(id, type: "AWS::Events::Rule", properties: rule, from: source)
    }

    /// A role `principal` assumes to start executions of `machine`.
    static func startRole(_ roleId: String, principal: String, machine: String, of source: SAMSource, at: Position,
                          into context: inout SAMContext) {
        var properties = ValueMap()
        properties.put("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(service: principal, at: at))
        let statement = Value.fields([
            ("Action", .text("states:StartExecution", at: at)), ("Effect", .text("Allow", at: at)), ("Resource", .ref(machine, at: at)),
        ], at: at)
        properties.put("Policies", .items([SAMPolicies.inline(name: roleId + "StartExecutionPolicy",
                                                              document: .fields([("Statement", .items([statement], at: at))], at: at))], at: at))
        properties.put("PermissionsBoundary", source["PermissionsBoundary"])
        context.add(roleId, type: "AWS::IAM::Role", properties: properties, from: source)
    }

    /// SAM's tag map as a CloudFormation tag list, led by `stateMachine:createdBy: SAM`.
    static func tagList(_ tags: Value?, at position: Position) -> Value {
        var items: [Value] = [.fields([("Key", .text("stateMachine:createdBy", at: position)), ("Value", .text("SAM", at: position))], at: position)]
        for entry in tags?.mapValue?.entries ?? [] {
            items.append(.fields([("Key", .text(entry.key, at: entry.keyPosition)), ("Value", entry.value)], at: entry.keyPosition))
        }
        return .items(items, at: tags?.position ?? position)
    }
}

extension Array where Element == (String, Value) {
    /// Appends `(key, value)` when `value` is present.
    mutating func put(_ key: String, _ value: Value?) {
        if let value { append((key, value)) }
    }
}
