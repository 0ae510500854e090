/// A property read the way cdk-nag's `resolveIfPrimitive` reads it: absent, a known scalar, or unknown
/// (an intrinsic nag cannot resolve, a reference to a resource, or a list or map where a scalar belongs).
enum Scalar: Sendable {
    case absent
    case known(Value)
    case unknown(Unresolved)

    /// Reads `value` as cdk-nag's `resolveIfPrimitive` would.
    init(_ value: Value?, in context: RuleContext) {
        switch context.resolve(value) {
        case .absent:
            self = .absent
        case .unknown(let why):
            self = .unknown(why)
        case .resource(let link):
            let what = link.attribute.map { "attribute \($0) of resource \(link.logicalId)" } ?? "resource \(link.logicalId)"
            self = .unknown(Unresolved("the value is \(what), known only once deployed", at: link.position))
        case .value(let v):
            if v.scalarText == nil {
                self = .unknown(Unresolved("expected a single value, found \(v.kindDescription)", at: v.position))
            } else {
                self = .known(v)
            }
        }
    }

    init(_ resource: Resource, _ property: String, in context: RuleContext) {
        self.init(resource[property: property], in: context)
    }

    var isAbsent: Bool { if case .absent = self { true } else { false } }
    var unresolved: Unresolved? { if case .unknown(let why) = self { why } else { nil } }
    var value: Value? { if case .known(let v) = self { v } else { nil } }

    /// The text of the value (booleans as `true` / `false`), nil when absent or unknown.
    var text: String? { value?.scalarText }
    var lowercased: String? { text?.lowercased() }
    var number: Double? { text.flatMap { Double(Substring($0).trimmingSpaces) } }

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

/// Checks shared by the database rules.
enum DatabaseChecks {
    /// A boolean setting that must be present and true: missing points at the resource, false at the key.
    static func requireTrue(_ property: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let setting = Scalar(resource, property, in: context)
        if setting.isAbsent { return .violation(at: resource.position, "\(property) is not set") }
        guard let truthy = setting.truthy else { return unknown(setting) }
        return truthy ? .compliant : .violation(at: resource.position(ofProperty: property), "\(property) is not true")
    }

    /// A nested settings block (`SSESpecification.SSEEnabled`) that must be present and enabled.
    static func requireTrue(_ block: String, _ key: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let resolved = context.resolve(resource, block)
        switch resolved {
        case .absent: return .violation(at: resource.position, "\(block) is not set")
        case .unknown(let why): return .unknown(why)
        case .resource(let link):
            return .unknown(Unresolved("\(block) is read from resource \(link.logicalId), known only once deployed", at: link.position))
        case .value(let v):
            guard let map = v.mapValue else { return .violation(at: resource.position(ofProperty: block), "\(block) is not a map") }
            let setting = Scalar(map[key], in: context)
            guard let truthy = setting.truthy else { return unknown(setting) }
            if truthy { return .compliant }
            return .violation(at: map.entry(key)?.keyPosition ?? resource.position(ofProperty: block), "\(block).\(key) is not true")
        }
    }

    /// A string property that must be set to something non-empty (cdk-nag tests presence and length).
    static func requireNonEmpty(_ property: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let resolved = context.resolve(resource, property)
        if resolved.isAbsent { return .violation(at: resource.position, "\(property) is not set") }
        if resolved.string == "" { return .violation(at: resource.position(ofProperty: property), "\(property) is empty") }
        return .compliant
    }

    /// A retention period that must be set and at least `minimum` days.
    static func requireAtLeast(_ minimum: Double, _ property: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let period = Scalar(resource, property, in: context)
        if period.isAbsent { return .violation(at: resource.position, "\(property) is not set") }
        if let why = period.unresolved { return .unknown(why) }
        if let days = period.number, days >= minimum { return .compliant }
        return .violation(at: resource.position(ofProperty: property), "\(property) is below \(Int(minimum))")
    }

    static func unknown(_ scalar: Scalar) -> RuleOutcome {
        scalar.unresolved.map { .unknown($0) } ?? .compliant
    }

    /// Granular `LogExport::<name>` findings for each needed log type missing from a list property.
    static func missingLogExports(_ needed: [String], _ property: String, of resource: Resource,
                                  in context: RuleContext) -> RuleOutcome {
        var exports: [String] = []
        switch context.resolver.resolveList(resource[property: property]) {
        case nil: break
        case .failure(let why): return .unknown(why)
        case .success(let items):
            for item in items {
                switch item {
                case .value(let v): if let s = v.scalarText { exports.append(s) }
                case .unknown(let why): return .unknown(why)
                default: continue
                }
            }
        }
        let position = resource[property: property] == nil ? resource.position : resource.position(ofProperty: property)
        return .from(needed.filter { !exports.contains($0) }.map {
            Violation(position: position, findingId: "LogExport::\($0)")
        })
    }
}
