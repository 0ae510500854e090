/// Whether a property is set, as cdk-nag's `!= undefined` tests it, but following `Fn::If` to
/// `AWS::NoValue`: only an `Fn::If` nag cannot decide leaves it unknown (a `Ref` to a parameter is set,
/// whatever its value).
///
/// ```swift
/// switch Presence(config["WebACLId"], in: context) {
/// case .absent: return .violation(at: resource.position)
/// case .unknown(let why): return .unknown(why)
/// case .present: return .compliant
/// }
/// ```
enum Presence: Sendable {
    case present
    case absent
    case unknown(Unresolved)

    init(_ value: Value?, in context: RuleContext) {
        guard let value else { self = .absent; return }
        switch context.resolve(value) {
        case .absent: self = .absent
        case .value(let v) where v.isNull: self = .absent
        case .unknown(let why): self = Self.mayBeNoValue(value) ? .unknown(why) : .present
        default: self = .present
        }
    }

    /// Whether a value is (or, through a nested `Fn::If`, may become) `Ref: AWS::NoValue`.
    private static func mayBeNoValue(_ value: Value) -> Bool {
        guard let function = value.intrinsicValue else { return false }
        switch function.name {
        case .ref: return function.argument.stringValue == "AWS::NoValue"
        case .if:
            let args = function.arguments
            guard args.count == 3 else { return false }
            return mayBeNoValue(args[1]) || mayBeNoValue(args[2])
        default: return false
        }
    }
}
