/// Evaluates custom-rule conditions against one resource, through the same resolver and graph as the
/// built-in rules.
struct ConditionEvaluator {
    let context: RuleContext
    let resource: Resource

    var reader: PathReader { PathReader(resolver: context.resolver) }

    /// The slot of a resource's `Properties`: where top-level paths start.
    static func root(of resource: Resource, in context: RuleContext) -> Slot {
        Slot(resolved: context.resolve(resource.propertiesValue), position: resource.position, path: [])
    }

    func evaluate(_ condition: CustomCondition, at scope: Slot) -> Verdict {
        switch condition {
        case .all(let parts):
            return .all(parts.map { evaluate($0, at: scope) }, empty: Witness(position: scope.position, detail: scope.statement))
        case .any(let parts):
            return .any(parts.map { evaluate($0, at: scope) }, failure: nil)
        case .not(let inner):
            return evaluate(inner, at: scope).negated
        case .value(let test):
            let (slots, anchor) = reader.read(test.path, from: scope)
            let verdicts = slots.map { slot in Verdict.all(test.tests.map { check($0, slot) }, empty: witness(slot)) }
            return combine(verdicts, test.path, test.quantifier, from: scope, anchor: anchor)
        case .each(let scoped):
            let (slots, anchor) = reader.read(scoped.path, from: scope)
            let verdicts = slots.map { slot -> Verdict in
                if let why = slot.resolved.unresolved { return .undecided(why) }
                return evaluate(scoped.condition, at: slot)
            }
            return combine(verdicts, scoped.path, scoped.quantifier, from: scope, anchor: anchor)
        case .related(let relation):
            return RelationEvaluator(evaluator: self).evaluate(relation, at: scope)
        }
    }

    /// One value gives its own verdict; several are combined by the quantifier.
    private func combine(_ verdicts: [Verdict], _ path: CustomPath, _ quantifier: Quantifier, from scope: Slot, anchor: Slot) -> Verdict {
        if !path.fansOut, verdicts.count == 1 { return verdicts[0] }
        let full = scope.path.components.isEmpty ? path.text : "\(scope.path).\(path.text)"
        let detail = verdicts.isEmpty ? "\(full) is not set"
            : verdicts.first { $0.truth == .fails }?.witnesses.first?.detail ?? "no value at \(full) qualifies"
        return .quantified(quantifier, verdicts, anchor: Witness(position: anchor.position, detail: detail))
    }

    private func witness(_ slot: Slot) -> Witness { Witness(position: slot.position, detail: slot.statement) }

    /// One test on one value.
    func check(_ test: ValueTest, _ slot: Slot) -> Verdict {
        let here = witness(slot)
        if case .exists(let wanted) = test {
            if let why = slot.resolved.unresolved { return .undecided(why) }
            return .from(slot.resolved.isAbsent != wanted, here)
        }
        let value: Value
        switch slot.resolved {
        case .absent:
            if case .notEquals = test { return .holds([here]) }
            return .fails([here])
        case .unknown(let why):
            return .undecided(why)
        case .resource(let link):
            let what = link.attribute.map { "attribute \($0) of \(link.logicalId)" } ?? link.logicalId
            return .undecided(Unresolved("\(slot.path) refers to \(what), known only once deployed", at: slot.position))
        case .value(let resolved):
            value = resolved
        }
        switch test {
        case .exists:
            return .holds([here])
        case .equals(let expected):
            return .from(Self.loosely(value, equals: expected), here)
        case .notEquals(let expected):
            return .from(!Self.loosely(value, equals: expected), here)
        case .oneOf(let options):
            return .from(options.contains { Self.loosely(value, equals: $0) }, here)
        case .matches(let pattern):
            guard let text = value.scalarText else { return .fails([here]) }
            return .from(pattern.wholeMatches(text), here)
        case .contains(let needle):
            return contains(value, needle, here)
        case .compare(let comparison, let bound):
            guard let number = Resolved.value(value).number else { return .fails([here]) }
            return .from(comparison.holds(number, bound), here)
        }
    }

    private func contains(_ value: Value, _ needle: Value, _ here: Witness) -> Verdict {
        if let items = value.listValue {
            var undecided: Unresolved?
            for item in items {
                switch context.resolve(item) {
                case .value(let resolved) where Self.loosely(resolved, equals: needle): return .holds([here])
                case .unknown(let why): undecided = undecided ?? why
                default: continue
                }
            }
            return undecided.map(Verdict.undecided) ?? .fails([here])
        }
        if let map = value.mapValue, let key = needle.scalarText { return .from(map.entry(key) != nil, here) }
        if let text = value.scalarText, let part = needle.scalarText { return .from(text.contains(part), here) }
        return .fails([here])
    }

    /// CloudFormation's loose equality: booleans compare as booleans (`"True"` is true), numbers
    /// numerically, other scalars as text; lists and maps by content.
    static func loosely(_ value: Value, equals expected: Value) -> Bool {
        if let wanted = expected.boolValue { return Resolved.value(value).bool == wanted }
        if case .number(let text) = expected.kind, let wanted = Double(text) {
            return Resolved.value(value).number == wanted
        }
        if let wanted = expected.scalarText, let actual = value.scalarText { return actual == wanted }
        return value == expected
    }
}
