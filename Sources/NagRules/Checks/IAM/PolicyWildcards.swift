/// Reads the wildcards IAM5 reports from the policies a resource carries, part by part, so that a part the
/// template does not decide costs only its own findings (see ``WildcardFindings``).
///
/// As in cdk-nag, a policy's findings belong to the resource it is written in: an `AWS::IAM::Policy` or
/// `AWS::IAM::ManagedPolicy` reads its own `PolicyDocument`, a role, user or group the documents of its inline
/// `Policies`. Documents are maps or JSON text; text given as an `Fn::Sub` whose variables are known only at
/// deploy time is read with those variables left as written (``PolicySubText``). In each `Allow` statement,
/// an `Action` with a `*` is a finding (actions are resolved), and so is a `Resource` whose text, flattened as
/// cdk-nag flattens it (never resolved), contains a `*`.
///
/// ```swift
/// PolicyWildcards(context: context).findings(in: resource).outcome
/// ```
struct PolicyWildcards: Sendable {
    let context: RuleContext

    /// Everything IAM5 finds in the policies written in `resource`.
    func findings(in resource: Resource) -> WildcardFindings {
        guard IAMPolicies.entityTypes.contains(resource.type) else {
            return document(resource[property: "PolicyDocument"])
        }
        return items(resource[property: "Policies"]) { policy in
            policy.mapValue.map { document($0["PolicyDocument"]) } ?? .none
        }
    }

    // MARK: - Reading a value the template may not decide

    /// What `body` finds in the value `value` resolves to. An `Fn::If` on a condition nag cannot decide gives
    /// what both branches give (``WildcardFindings/either(_:_:because:)``); any other value nag cannot resolve
    /// is read by `otherwise` (by default: undecided). An absent value or a resource reference holds nothing.
    private func possible(_ value: Value?, otherwise: (Value, Unresolved) -> WildcardFindings = { .undecided($1) },
                          _ body: (Value) -> WildcardFindings) -> WildcardFindings {
        guard let value else { return .none }
        switch context.resolve(value) {
        case .absent, .resource: return .none
        case .value(let resolved): return body(resolved)
        case .unknown(let why):
            guard let function = value.intrinsicValue, function.name == .if, function.arguments.count == 3,
                  let condition = function.arguments[0].stringValue else { return otherwise(value, why) }
            let branches = function.arguments
            switch context.resolver.condition(named: condition) {
            case .success(let truth):
                // The condition is decided; the value the chosen branch holds is what cannot be resolved.
                return possible(branches[truth ? 1 : 2], otherwise: otherwise, body)
            case .failure:
                return .either(possible(branches[1], otherwise: otherwise, body),
                               possible(branches[2], otherwise: otherwise, body), because: why)
            }
        }
    }

    /// What `body` finds in each item of a list value (a single value counts as a list of one).
    private func items(_ value: Value?, _ body: (Value) -> WildcardFindings) -> WildcardFindings {
        possible(value) { resolved in
            var found = WildcardFindings.none
            for item in resolved.listValue ?? [resolved] { found.merge(possible(item, body)) }
            return found
        }
    }

    // MARK: - Documents and statements

    /// A `PolicyDocument`: a map, JSON text, or an `Fn::Sub` of JSON text with variables known only once deployed.
    private func document(_ value: Value?) -> WildcardFindings {
        possible(value, otherwise: partialText) { resolved in
            if let map = resolved.mapValue { return statements(in: map, variables: nil) }
            guard let text = resolved.stringValue else { return .none }
            return parsed(text, at: resolved.position, variables: nil)
        }
    }

    /// A document given as `Fn::Sub` text that cannot be resolved: read with its unknown references as written.
    private func partialText(_ value: Value, _ why: Unresolved) -> WildcardFindings {
        guard let sub = PolicySubText(value, in: context) else { return .undecided(why) }
        return parsed(sub.text, at: value.position, variables: sub)
    }

    private func parsed(_ text: String, at position: Position, variables: PolicySubText?) -> WildcardFindings {
        switch PolicyDocument.parse(text, at: position, reading: .strict) {
        case .success(let document):
            return document.map { statements(in: $0.fields, variables: variables) } ?? .none
        case .failure(let why):
            // A variable may stand for JSON itself (`"Resource": ${Arns}`): then the text is unknown, not wrong.
            return .undecided(variables?.unknowns.first?.why ?? why)
        }
    }

    private func statements(in document: ValueMap, variables: PolicySubText?) -> WildcardFindings {
        items(document["Statement"]) { statement in
            statement.mapValue.map { self.statement($0, variables: variables) } ?? .none
        }
    }

    /// One statement: its findings when its `Effect` is `Allow`; when the effect is not known, the findings
    /// it would have are undecided.
    private func statement(_ statement: ValueMap, variables: PolicySubText?) -> WildcardFindings {
        let allowed = { allowedFindings(statement, variables: variables) }
        return possible(statement["Effect"], otherwise: { _, why in .either(allowed(), .none, because: why) }) { effect in
            if let text = effect.stringValue, let why = variables?.dependency(of: text) {
                return .either(allowed(), .none, because: why)
            }
            return effect.stringValue == "Allow" ? allowed() : .none
        }
    }

    /// The wildcards of an `Allow` statement: its actions (resolved; a list that an item resolves to gives its
    /// strings) and its resources (as written, flattened).
    private func allowedFindings(_ statement: ValueMap, variables: PolicySubText?) -> WildcardFindings {
        var found = WildcardFindings.none
        for item in PolicyReading.writtenItems(statement["Action"]) {
            found.merge(possible(item) { resolved in
                var actions = WildcardFindings.none
                for one in resolved.listValue ?? [resolved] {
                    actions.merge(possible(one) { action($0, at: item.position, variables: variables) })
                }
                return actions
            })
        }
        for item in PolicyReading.writtenItems(statement["Resource"]) {
            // The text users' suppressions name: flattened as written, whatever it resolves to.
            let text = CdkNagText.flatten(item)
            if text.contains("*") { found.add("Resource::\(text)", at: item.position) }
        }
        return found
    }

    private func action(_ value: Value, at position: Position, variables: PolicySubText?) -> WildcardFindings {
        guard let text = value.scalarText else { return .none }
        if let why = variables?.dependency(of: text) { return .undecided(why) }
        var found = WildcardFindings.none
        if text.contains("*") { found.add("Action::\(text)", at: position) }
        return found
    }
}
