/// `AWS::Serverless::Connector` and the `Connectors` attribute embedded in a resource (connector id
/// `<Resource><Name>`, its `Source` that resource): the IAM managed policy `<Connector>Policy` (or
/// `<Connector>PolicyDestination<index>` when `Destination` is a list) on the source's role, or on the
/// destination's for the pairs whose profile says so, holding the statements of the asked `Permissions`.
///
/// The statements come from the translator's connector profiles (``SAMConnectorData``). Pairs whose profile
/// writes a resource policy instead (an SQS queue policy, an SNS topic policy, a Lambda permission) are not
/// expanded yet; nor is a connector whose ends cannot be resolved (the translator would reject it).
enum SAMConnector {
    /// One end of a connector, resolved.
    struct End {
        let type: String
        var values: [String: Value]
        let role: Value?
    }

    /// Expands every connector of the template; runs after the other Serverless resources are expanded,
    /// since a connector reads the resources its ends name.
    static func expandAll(_ template: Template, into context: inout SAMContext) {
        for resource in template.resources {
            if resource.type == "AWS::Serverless::Connector" {
                let source = SAMSource(resource: resource, properties: resource.properties)
                expand(id: resource.logicalId, sourceEnd: source["Source"], properties: resource.properties, of: source, into: &context)
            }
            for entry in resource.definition["Connectors"]?.mapValue?.entries ?? [] {
                let properties = entry.value["Properties"]?.mapValue ?? ValueMap()
                let source = SAMSource(resource: resource, properties: properties)
                expand(id: resource.logicalId + entry.key, sourceEnd: .fields([("Id", .text(resource.logicalId, at: entry.keyPosition))], at: entry.keyPosition),
                       properties: properties, of: source, into: &context)
            }
        }
    }

    static func expand(id: String, sourceEnd: Value?, properties: ValueMap, of source: SAMSource, into context: inout SAMContext) {
        guard let sourceValue = sourceEnd, let from = resolve(sourceValue, in: context), let destination = properties["Destination"] else { return }
        let destinations = destination.listValue ?? [destination]
        let permissions = Set((properties["Permissions"]?.listValue ?? []).compactMap(\.stringValue))
        let at = properties["Permissions"]?.position ?? source.position
        for (index, value) in destinations.enumerated() {
            guard let to = resolve(value, in: context) else { continue }
            let policyId = destination.listValue == nil ? id + "Policy" : id + "PolicyDestination\(index)"
            addPolicy(policyId, from: from, to: to, permissions: permissions, at: at, of: source, into: &context)
        }
    }

    /// Adds the managed policy `id` granting `permissions` from `from` to `to`, when their profile writes one.
    static func addPolicy(_ id: String, from: End, to: End, permissions: Set<String>, at: Position, of source: SAMSource,
                          into context: inout SAMContext) {
        guard let profile = profiles?["\(from.type) \(to.type)"] else { return }
        let sourcePolicy = profile["SourcePolicy"]?.boolValue ?? true
        guard let role = sourcePolicy ? from.role : to.role else { return }
        var replacements: [String: Value] = [:]
        for (key, value) in from.values { replacements["Source." + key] = value }
        for (key, value) in to.values { replacements["Destination." + key] = value }
        var statements: [Value] = []
        for category in profile["AccessCategories"]?.mapValue?.entries ?? [] where permissions.contains(category.key) {
            for statement in category.value.listValue ?? [] {
                guard let replaced = replace(statement, replacements, at: at) else { return }
                statements.append(replaced)
            }
        }
        guard !statements.isEmpty else { return }
        var policy = ValueMap()
        policy.put("PolicyDocument", SAMFunctionRole.document(statements, at: at))
        policy.put("Roles", .items([role], at: at))
        context.add(id, type: "AWS::IAM::ManagedPolicy", properties: policy, from: source)
    }

    /// An end written as `{Id: LogicalId}` (a resource of the template, read after expansion) or as
    /// `{Type, Arn, RoleName, Name, …}`.
    static func resolve(_ end: Value, in context: SAMContext) -> End? {
        if let logicalId = end["Id"]?.stringValue {
            guard let resource = context.resources.first(where: { $0.logicalId == logicalId }) else { return nil }
            var values: [String: Value] = [:]
            for entry in outputs?[resource.type]?.mapValue?.entries ?? [] {
                values[entry.key] = replace(entry.value, ["logicalId": .text(logicalId, at: end.position)], at: end.position)
            }
            var role: Value?
            if let property = SAMConnectorData.roleProperties[resource.type], let written = resource.properties[property] {
                let target = written.intrinsicValue?.refTarget ?? written.intrinsicValue?.getAttTarget?.resource
                role = target.map { .ref($0, at: written.position) }
            }
            return End(type: resource.type, values: values, role: role)
        }
        guard let written = end["Type"]?.stringValue else { return nil }
        var values: [String: Value] = [:]
        for key in ["Arn", "Name", "QueueUrl", "ResourceId", "Qualifier"] { values[key] = end[key] }
        return End(type: serverlessTypes[written] ?? written, values: values, role: end["RoleName"])
    }

    /// The CloudFormation type a connector end written with a Serverless type stands for.
    static let serverlessTypes = [
        "AWS::Serverless::Function": "AWS::Lambda::Function", "AWS::Serverless::SimpleTable": "AWS::DynamoDB::Table",
        "AWS::Serverless::StateMachine": "AWS::StepFunctions::StateMachine", "AWS::Serverless::Api": "AWS::ApiGateway::RestApi",
        "AWS::Serverless::HttpApi": "AWS::ApiGatewayV2::Api",
    ]

    /// `value` with each `%{Name}` placeholder replaced as the translator replaces it: a string that is only
    /// the placeholder becomes its value, a longer one a `Fn::Sub` with the value as a variable. Nil when a
    /// placeholder has no value (the translator rejects the connector).
    static func replace(_ value: Value, _ replacements: [String: Value], at position: Position) -> Value? {
        switch value.kind {
        case .list(let items):
            var result: [Value] = []
            for item in items {
                guard let replaced = replace(item, replacements, at: position) else { return nil }
                result.append(replaced)
            }
            return .items(result, at: position)
        case .map(let map):
            var fields: [(String, Value)] = []
            for entry in map.entries {
                guard let replaced = replace(entry.value, replacements, at: position) else { return nil }
                fields.append((entry.key, replaced))
            }
            return .fields(fields, at: position)
        case .string(var text):
            var variables: [(String, Value)] = []
            while let start = text.range(of: "%{"), let end = text[start.upperBound...].firstIndex(of: "}") {
                let name = String(text[start.upperBound..<end])
                guard let replacement = replacements[name] else { return nil }
                if start.lowerBound == text.startIndex, text.index(after: end) == text.endIndex { return replacement }
                let variable = name.filter { $0.isLetter || $0.isNumber }
                text.replaceSubrange(start.lowerBound...end, with: "${\(variable)}")
                if !variables.contains(where: { $0.0 == variable }) { variables.append((variable, replacement)) }
            }
            if variables.isEmpty { return .text(text, at: position) }
            return .sub(text, variables, at: position)
        case .intrinsic(let function):
            guard let argument = replace(function.argument, replacements, at: position) else { return nil }
            return Value(.intrinsic(Intrinsic(name: function.name, argument: argument)), at: position)
        default:
            return Value(value.kind, at: position)
        }
    }

    /// The profiles, parsed once.
    static let profiles: ValueMap? = parse(SAMConnectorData.profiles)
    static let outputs: ValueMap? = parse(SAMConnectorData.outputs)

    private static func parse(_ json: String) -> ValueMap? {
        (try? DocumentLoader().parse(bytes: Array(json.utf8), file: "connector-profiles", format: .json).root)?.mapValue
    }
}
