/// Lookups shared by the IAM rules: the policy documents a resource carries and their statements.
///
/// As in cdk-nag, a policy's findings belong to the resource it is written in: an `AWS::IAM::Policy` or
/// `AWS::IAM::ManagedPolicy` reports its own document (not the roles it is attached to), and a role, user
/// or group reports the documents of its inline `Policies`.
enum IAMPolicies {
    static let roleType = "AWS::IAM::Role"
    static let userType = "AWS::IAM::User"
    static let groupType = "AWS::IAM::Group"
    static let policyType = "AWS::IAM::Policy"
    static let managedPolicyType = "AWS::IAM::ManagedPolicy"

    /// Roles, users and groups: the resources with inline `Policies` and `ManagedPolicyArns`.
    static let entityTypes: Set<String> = [roleType, userType, groupType]

    /// The policy documents written in `resource`, resolved to maps (a missing document is skipped): the
    /// `PolicyDocument` of a policy resource (IAM, queue, topic …), or of each inline policy of an entity.
    static func documents(of resource: Resource, in context: RuleContext) -> Result<[ValueMap], Unresolved> {
        if !entityTypes.contains(resource.type) {
            return document(context.resolve(resource, "PolicyDocument")).map { $0.map { [$0] } ?? [] }
        }
        var documents: [ValueMap] = []
        switch items(context.resolve(resource, "Policies"), in: context) {
        case .failure(let why): return .failure(why)
        case .success(let policies):
            for policy in policies {
                guard let map = policy.mapValue else { continue }
                switch document(context.resolve(map["PolicyDocument"])) {
                case .success(let found): if let found { documents.append(found) }
                case .failure(let why): return .failure(why)
                }
            }
        }
        return .success(documents)
    }

    /// A resolved policy document as a map. CloudFormation also takes the document as JSON text (often an
    /// `Fn::Sub`); that text is parsed, and its values placed where the text is written.
    static func document(_ resolved: Resolved) -> Result<ValueMap?, Unresolved> {
        switch resolved {
        case .unknown(let why): return .failure(why)
        case .absent, .resource: return .success(nil)
        case .value(let v):
            if let map = v.mapValue { return .success(map) }
            guard let text = v.stringValue else { return .success(nil) }
            let parsed = try? Array(text.utf8).withUnsafeBytes { try JSONParser.parse($0) }
            guard let parsed else {
                return .failure(Unresolved("the policy document is text that is not JSON", at: v.position))
            }
            return .success(relocated(parsed, to: v.position).mapValue)
        }
    }

    private static func relocated(_ value: Value, to position: Position) -> Value {
        switch value.kind {
        case .list(let items): return Value(.list(items.map { relocated($0, to: position) }), at: position)
        case .map(let map):
            return Value(.map(ValueMap(map.entries.map {
                ValueMap.Entry(key: $0.key, keyPosition: position, value: relocated($0.value, to: position))
            })), at: position)
        default: return Value(value.kind, at: position)
        }
    }

    /// The statements of a document, each resolved (a single statement map counts as a list of one).
    static func statements(of document: ValueMap, in context: RuleContext) -> Result<[ValueMap], Unresolved> {
        items(context.resolve(document["Statement"]), in: context).map { $0.compactMap(\.mapValue) }
    }

    /// The items of a resolved value, each resolved in turn: a list gives its items (absent ones dropped),
    /// anything else a list of one, absent none.
    static func items(_ resolved: Resolved, in context: RuleContext) -> Result<[Value], Unresolved> {
        switch resolved {
        case .absent, .resource: return .success([])
        case .unknown(let why): return .failure(why)
        case .value(let v):
            guard let list = v.listValue else { return .success([v]) }
            var values: [Value] = []
            for item in list {
                switch context.resolve(item) {
                case .value(let resolvedItem): values.append(resolvedItem)
                case .unknown(let why): return .failure(why)
                case .absent, .resource: continue
                }
            }
            return .success(values)
        }
    }

    /// The items of a value as written, without resolving them: a list gives its items, else a list of one.
    static func writtenItems(_ value: Value?) -> [Value] {
        guard let value else { return [] }
        return value.listValue ?? [value]
    }
}

extension IAMPolicies {
    /// The strings a statement field holds, each with the place it is written: items of a written list, or
    /// the whole value, resolved through parameters and conditions (non-string items are skipped).
    static func strings(_ value: Value?, in context: RuleContext) -> Result<[(text: String, position: Position)], Unresolved> {
        guard let value else { return .success([]) }
        var result: [(text: String, position: Position)] = []
        for item in writtenItems(value) {
            switch context.resolve(item) {
            case .value(let v):
                if let list = v.listValue {
                    for nested in list {
                        switch context.resolve(nested) {
                        case .value(let n): if let s = n.scalarText { result.append((s, item.position)) }
                        case .unknown(let why): return .failure(why)
                        case .absent, .resource: continue
                        }
                    }
                } else if let s = v.scalarText {
                    result.append((s, item.position))
                }
            case .unknown(let why): return .failure(why)
            case .absent, .resource: continue
            }
        }
        return .success(result)
    }
}
