/// The parts of a REST API stage's method settings (`MethodSettings` items) that the stage rules test, each as
/// a three-valued ``Verdict``.
enum APIGWMethodSettings {
    /// Whether the setting applies to every method of the stage: `HttpMethod` `*` and `ResourcePath` `/*`.
    static func coversAllMethods(_ setting: ValueMap, in context: RuleContext) -> Verdict {
        Verdict.every([("HttpMethod", "*"), ("ResourcePath", "/*")]) { field, expected in
            let scalar = Scalar(setting[field], in: context)
            return scalar.unresolved.map(Verdict.undecided) ?? .from(scalar.text == expected)
        }
    }

    /// Whether a field is set, whatever its value (following `Fn::If` to `AWS::NoValue`).
    static func isSet(_ value: Value?, in context: RuleContext) -> Verdict {
        switch Presence(value, in: context) {
        case .present: .holds
        case .absent: .fails
        case .unknown(let why): .undecided(why)
        }
    }

    /// Whether a flag is true, as JavaScript tests it (`"false"` is false).
    static func isTrue(_ value: Value?, in context: RuleContext) -> Verdict {
        let scalar = Scalar(value, in: context)
        return scalar.unresolved.map(Verdict.undecided) ?? .from(scalar.truthy == true)
    }
}
