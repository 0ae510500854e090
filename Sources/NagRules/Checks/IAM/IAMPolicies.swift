/// Lookups shared by the IAM rules: the policy documents a resource carries.
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

    /// The policy documents written in `resource` (maps, or JSON text parsed; a missing one is skipped): the
    /// `PolicyDocument` of a policy resource, or of each inline policy of an entity. Read strictly: a
    /// document or inline policy list that cannot be resolved makes the whole read fail.
    static func documents(of resource: Resource, in context: RuleContext) -> Result<[PolicyDocument], Unresolved> {
        if !entityTypes.contains(resource.type) {
            return PolicyDocument.read(resource[property: "PolicyDocument"], reading: .strict, in: context)
                .map { $0.map { [$0] } ?? [] }
        }
        var documents: [PolicyDocument] = []
        switch PolicyReading.strict.items(resource[property: "Policies"], in: context) {
        case .failure(let why): return .failure(why)
        case .success(let policies):
            for policy in policies {
                guard let map = policy.mapValue else { continue }
                switch PolicyDocument.read(map["PolicyDocument"], reading: .strict, in: context) {
                case .success(let found): if let found { documents.append(found) }
                case .failure(let why): return .failure(why)
                }
            }
        }
        return .success(documents)
    }
}

extension IAMPolicies {
    /// Roles, groups and policy resources: the resources whose documents the broad-access checks read
    /// (as in cdk-nag, a user's inline policies are not among them).
    static let broadAccessTypes: Set<String> = [roleType, groupType, policyType, managedPolicyType]

    /// A statement a resource's policies may hold: read, with the condition nag cannot decide that it
    /// depends on (it sits in a branch of such an `Fn::If`); or a part of the policies nag cannot read.
    enum PossibleStatement {
        case statement(PolicyStatement, depending: Unresolved?)
        case unknown(Unresolved)
    }

    /// Every statement the documents of `resource` may hold (read strictly, maps or JSON text): the
    /// `PolicyDocument` of a policy resource, or of each inline policy of an entity. Where an `Fn::If` cannot be
    /// decided, the statements of both branches, each depending on it.
    static func possibleStatements(of resource: Resource, in context: RuleContext) -> [PossibleStatement] {
        var found: [PossibleStatement] = []
        func statements(ofDocument document: Value, depending: Unresolved?) {
            let fields: ValueMap
            if let map = document.mapValue {
                fields = map
            } else if let text = document.stringValue {
                switch PolicyDocument.parse(text, at: document.position, reading: .strict) {
                case .failure(let why): found.append(.unknown(why)); return
                case .success(let parsed): guard let parsed else { return }; fields = parsed.fields
                }
            } else {
                return
            }
            each(fields["Statement"], depending: depending) { statement, depending in
                guard let map = statement.mapValue else { return }
                found.append(.statement(PolicyStatement(map, reading: .strict), depending: depending))
            }
        }
        func each(_ value: Value?, depending: Unresolved?, _ body: (Value, Unresolved?) -> Void) {
            for possible in possibilities(value, depending: depending, in: context) {
                switch possible {
                case .unknown(let why): found.append(.unknown(why))
                case .value(let list, let depending):
                    for item in list.listValue ?? [list] {
                        for one in possibilities(item, depending: depending, in: context) {
                            switch one {
                            case .unknown(let why): found.append(.unknown(why))
                            case .value(let v, let depending): body(v, depending)
                            }
                        }
                    }
                }
            }
        }
        if entityTypes.contains(resource.type) {
            each(resource[property: "Policies"], depending: nil) { policy, depending in
                for document in possibilities(policy.mapValue?["PolicyDocument"], depending: depending, in: context) {
                    switch document {
                    case .unknown(let why): found.append(.unknown(why))
                    case .value(let v, let depending): statements(ofDocument: v, depending: depending)
                    }
                }
            }
        } else {
            for document in possibilities(resource[property: "PolicyDocument"], depending: nil, in: context) {
                switch document {
                case .unknown(let why): found.append(.unknown(why))
                case .value(let v, let depending): statements(ofDocument: v, depending: depending)
                }
            }
        }
        return found
    }

    /// What a value may be: its resolved value; for an `Fn::If` nag cannot decide, what each branch may be,
    /// depending on it; nothing when it is absent or a resource; unknown otherwise.
    private enum Possibility {
        case value(Value, depending: Unresolved?)
        case unknown(Unresolved)
    }

    private static func possibilities(_ value: Value?, depending: Unresolved?, in context: RuleContext) -> [Possibility] {
        guard let value else { return [] }
        switch context.resolve(value) {
        case .absent, .resource: return []
        case .value(let v): return [.value(v, depending: depending)]
        case .unknown(let why):
            guard let function = value.intrinsicValue, function.name == .if, function.arguments.count == 3 else {
                return [.unknown(why)]
            }
            let branches = function.arguments.dropFirst()
            return branches.flatMap { possibilities($0, depending: depending ?? why, in: context) }
        }
    }

    /// Whether an `Allow` statement that the documents of `resource` may hold grants an action `broad` holds
    /// for (an action as written, after resolving), on a resource `covered` holds for when it is given (each
    /// resource as resolved text, or flattened as cdk-nag flattens it when known only once deployed). Fails
    /// at the first such action; undecided when such a statement depends on a condition nag cannot decide,
    /// or when a document, an effect or an action cannot be resolved and no statement fails.
    static func grantsNoBroadAccess(_ resource: Resource, in context: RuleContext,
                                    actions broad: (String) -> Bool, resources covered: ((String) -> Bool)? = nil,
                                    detail: String) -> RuleOutcome {
        Verdict.every(possibleStatements(of: resource, in: context)) { possible in
            let statement: PolicyStatement, depending: Unresolved?
            switch possible {
            case .unknown(let why): return .undecided(why)
            case .statement(let s, let d): (statement, depending) = (s, d)
            }
            let effect = statement.effect(in: context)
            if let why = effect.unresolved { return .undecided(why) }
            guard effect.string == "Allow" else { return .holds }
            if let covered, !resourceTexts(of: statement, in: context).contains(where: covered) { return .holds }
            switch statement.strings("Action", in: context) {
            case .failure(let why): return .undecided(why)
            case .success(let actions):
                guard let action = actions.first(where: { broad($0.text) }) else { return .holds }
                return depending.map(Verdict.undecided) ?? .fails(at: action.position, detail)
            }
        }.outcome
    }

    /// The statement's `Resource` entries as text: resolved where the template decides them, else flattened.
    private static func resourceTexts(of statement: PolicyStatement, in context: RuleContext) -> [String] {
        guard let written = statement["Resource"] else { return [] }
        let items = context.resolve(written).list ?? [written]
        return items.map { context.resolve($0).string ?? CdkNagText.flatten($0) }
    }
}
