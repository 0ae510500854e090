/// The text of an `Fn::Sub` as far as the template decides it: each `${…}` the template resolves is
/// substituted, and each it cannot (`${AWS::Region}`, a variable bound to `!GetAtt Bucket.Arn`) is left as
/// written, with why it is unknown.
///
/// A policy document given as `Fn::Sub` JSON text usually uses its variables only inside ARNs, so its actions
/// and effects can be read although the text as a whole cannot be resolved; a string of the text that
/// contains an unknown reference ``dependency(of:)`` names it.
///
/// ```swift
/// guard let sub = PolicySubText(value, in: context) else { return .undecided(why) }
/// if let why = sub.dependency(of: action) { … }   // the action depends on a deploy-time value
/// ```
struct PolicySubText: Sendable {
    /// The text, unknown references left as written.
    let text: String
    /// The unknown references left in ``text`` (`${AWS::Region}`), each with why it is unknown.
    let unknowns: [(reference: String, why: Unresolved)]

    /// The partial text of `value` when it is an `Fn::Sub` with literal text (`!Sub "…"` or `!Sub ["…", {…}]`);
    /// nil otherwise, or when the text would grow past the resolver's string limit.
    init?(_ value: Value, in context: RuleContext) {
        guard let function = value.intrinsicValue, function.name == .sub else { return nil }
        var textValue = function.argument
        var variables: ValueMap?
        if let items = function.argument.listValue {
            guard let first = items.first else { return nil }
            textValue = first
            variables = items.count > 1 ? items[1].mapValue : nil
        }
        guard let template = textValue.stringValue else { return nil }
        var text = ""
        var unknowns: [(reference: String, why: Unresolved)] = []
        var substituted: [String: String] = [:]
        for part in SubTemplate(parsing: template).parts {
            switch part {
            case .literal(let literal):
                text += literal
            case .reference(let name, let attribute):
                let key = attribute.map { "\(name).\($0)" } ?? name
                if let known = substituted[key] {
                    text += known
                } else {
                    let reference = "${\(key)}"
                    let resolved = Self.resolve(name, attribute, variables: variables, at: textValue.position, in: context)
                    switch resolved {
                    case .success(let value): substituted[key] = value
                    case .failure(let why): substituted[key] = reference; unknowns.append((reference, why))
                    }
                    text += substituted[key] ?? reference
                }
            }
            if text.utf8.count > Resolver.maxStringLength { return nil }
        }
        self.text = text
        self.unknowns = unknowns
    }

    /// Why `string` (a value read from the text) is not known from the template: the first unknown reference
    /// it contains. Nil when it contains none.
    func dependency(of string: String) -> Unresolved? {
        unknowns.first { string.contains($0.reference) }?.why
    }

    /// The text one `${name}` or `${name.attribute}` stands for, resolved as `Fn::Sub` resolves it: a variable
    /// of the map, else a `Ref` or `Fn::GetAtt`.
    private static func resolve(_ name: String, _ attribute: String?, variables: ValueMap?, at position: Position,
                                in context: RuleContext) -> Result<String, Unresolved> {
        let written: Value
        if attribute == nil, let variable = variables?[name] {
            written = variable
        } else if let attribute {
            written = Value(.intrinsic(Intrinsic(name: .getAtt, argument: Value(.list([
                Value(.string(name), at: position), Value(.string(attribute), at: position),
            ]), at: position))), at: position)
        } else {
            written = Value(.intrinsic(Intrinsic(name: .ref, argument: Value(.string(name), at: position))), at: position)
        }
        switch context.resolve(written) {
        case .value(let value):
            if let text = value.scalarText { return .success(text) }
            return .failure(Unresolved("Fn::Sub variable ${\(name)} is not a string", at: position))
        case .unknown(let why):
            return .failure(why)
        case .resource(let link):
            let what = link.attribute.map { "attribute \($0) of resource \(link.logicalId)" } ?? "resource \(link.logicalId)"
            return .failure(Unresolved("Fn::Sub uses \(what), known only once deployed", at: position))
        case .absent:
            return .failure(Unresolved("Fn::Sub variable ${\(name)} has no value", at: position))
        }
    }
}
