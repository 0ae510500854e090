/// A property read the way cdk-nag's `resolveIfPrimitive` reads it: absent, a known scalar, or unknown
/// (an intrinsic nag cannot resolve, a reference to a resource, or a list or map where a scalar belongs).
///
/// This is the one "primitive or unknown" conversion of the checks; read a value with it whenever cdk-nag
/// reads it with `resolveIfPrimitive`, and test the result as JavaScript would (``truthy``,
/// ``looselyFalse``, ``equals(_:)``).
///
/// ```swift
/// let port = Scalar(resource, "Port", in: context)
/// if port.isAbsent { return .violation(at: resource.position, "Port is not set") }
/// if let why = port.unresolved { return .unknown(why) }
/// ```
enum Scalar: Sendable, Equatable {
    case absent
    case known(Value)
    case unknown(Unresolved)

    /// Reads a resolved value as `resolveIfPrimitive` would.
    init(_ resolved: Resolved) {
        switch resolved {
        case .absent:
            self = .absent
        case .unknown(let why):
            self = .unknown(why)
        case .resource(let link):
            self = .unknown(link.unknownUntilDeployed)
        case .value(let v):
            if v.scalarText == nil {
                self = .unknown(Unresolved("expected a single value, found \(v.kindDescription)", at: v.position))
            } else {
                self = .known(v)
            }
        }
    }

    /// Resolves `value` and reads it as `resolveIfPrimitive` would.
    init(_ value: Value?, in context: RuleContext) {
        self.init(context.resolve(value))
    }

    /// Reads a top-level property of `resource`.
    init(_ resource: Resource, _ property: String, in context: RuleContext) {
        self.init(resource[property: property], in: context)
    }

    var isAbsent: Bool { if case .absent = self { true } else { false } }
    /// Why the value is not known, nil when it is known or absent.
    var unresolved: Unresolved? { if case .unknown(let why) = self { why } else { nil } }
    var value: Value? { if case .known(let v) = self { v } else { nil } }

    /// The text of the value (booleans as `true` / `false`), nil when absent or unknown.
    var text: String? { value?.scalarText }
    var lowercased: String? { text?.lowercased() }
    /// The value as a number, allowing spaces around it as JavaScript does.
    var number: Double? { text.flatMap { Double(Substring($0).trimmingSpaces) } }
    /// The value as a boolean, reading the strings `true` / `false` in any case as CloudFormation does.
    var bool: Bool? { value.flatMap { Resolved.value($0).bool } }

    /// JavaScript truthiness of the value as CfnInclude types it (`"false"` on a boolean property is false);
    /// nil when unknown.
    var truthy: Bool? {
        switch self {
        case .absent: return false
        case .unknown: return nil
        case .known(let v):
            if let b = Resolved.value(v).bool { return b }
            if case .number = v.kind { return number.map { $0 != 0 && !$0.isNaN } ?? true }
            return !(v.scalarText ?? "").isEmpty
        }
    }

    /// `value == false` in JavaScript: false, 0, "0" or ""; nil when unknown.
    var looselyFalse: Bool? {
        switch self {
        case .absent: return false
        case .unknown: return nil
        case .known(let v):
            if let b = Resolved.value(v).bool { return !b }
            guard let text = v.scalarText else { return false }
            let trimmed = Substring(text).trimmingSpaces
            return trimmed.isEmpty || Double(trimmed) == 0
        }
    }

    /// `value == n` in JavaScript, nil when unknown.
    func equals(_ n: Double) -> Bool? {
        switch self {
        case .absent: return false
        case .unknown: return nil
        case .known: return number == n
        }
    }
}
