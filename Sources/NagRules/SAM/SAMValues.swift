/// Small constructors for the values the SAM expansion writes.
///
/// Every generated value carries a position in the SAM source: the value it was copied from, or, for text
/// the transform invents (a role's trust policy, a permission's principal), the place that caused it (the
/// Serverless resource, the event, the policy entry). Findings on generated resources therefore point into
/// the file the user wrote.
extension Value {
    static func text(_ text: String, at position: Position) -> Value {
        Value(.string(text), at: position)
    }

    static func flag(_ flag: Bool, at position: Position) -> Value {
        Value(.bool(flag), at: position)
    }

    static func items(_ items: [Value], at position: Position) -> Value {
        Value(.list(items), at: position)
    }

    /// A map whose keys are written at `position` too.
    static func fields(_ fields: [(String, Value)], at position: Position) -> Value {
        Value(.map(ValueMap(fields.map { ValueMap.Entry(key: $0.0, keyPosition: position, value: $0.1) })), at: position)
    }

    static func ref(_ name: String, at position: Position) -> Value {
        Value(.intrinsic(Intrinsic(name: .ref, argument: .text(name, at: position))), at: position)
    }

    static func getAtt(_ resource: String, _ attribute: String, at position: Position) -> Value {
        Value(.intrinsic(Intrinsic(name: .getAtt, argument: .items([.text(resource, at: position), .text(attribute, at: position)],
                                                                    at: position))), at: position)
    }

    static func sub(_ format: String, at position: Position) -> Value {
        Value(.intrinsic(Intrinsic(name: .sub, argument: .text(format, at: position))), at: position)
    }

    static func sub(_ format: String, _ variables: [(String, Value)], at position: Position) -> Value {
        Value(.intrinsic(Intrinsic(name: .sub, argument: .items([.text(format, at: position), .fields(variables, at: position)],
                                                                 at: position))), at: position)
    }
}

extension ValueMap {
    /// The entries of `self` without the keys in `keys`.
    func removing(_ keys: Set<String>) -> ValueMap {
        ValueMap(entries.filter { !keys.contains($0.key) })
    }

    /// Appends or replaces `key`, keeping `keyPosition` when the key is new.
    mutating func put(_ key: String, _ value: Value?, at keyPosition: Position? = nil) {
        guard let value else { return }
        set(key, value, keyPosition: keyPosition ?? value.position)
    }
}
