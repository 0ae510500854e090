/// Lookups shared by the analytics, machine learning, media and developer tools rules.
///
/// cdk-nag reads nested properties as plain objects: a missing or non-map step makes the rest
/// `undefined`. ``PropertyLookup/find(_:_:in:)`` walks a path the same way, resolving each step, and
/// remembers the deepest key that is written so a finding can point at it.
enum PropertyLookup {
    struct Found {
        /// The value at the end of the path (absent when a step is missing or not a map).
        var resolved: Resolved
        /// The key of the last step that is written, or the logical id when the first step is missing.
        var position: Position
    }

    static func find(_ resource: Resource, _ path: String..., in context: RuleContext) -> Found {
        find(resource, path, in: context)
    }

    static func find(_ resource: Resource, _ path: [String], in context: RuleContext) -> Found {
        guard let first = path.first else { return Found(resolved: .absent, position: resource.position) }
        var position = resource.position
        var entry = resource.properties.entry(first)
        var remaining = path.dropFirst()
        while true {
            guard let current = entry else { return Found(resolved: .absent, position: position) }
            position = current.keyPosition
            let resolved = context.resolve(current.value)
            guard let key = remaining.first else { return Found(resolved: resolved, position: position) }
            switch resolved {
            case .unknown: return Found(resolved: resolved, position: position)
            case .value(let v):
                guard let map = v.mapValue else { return Found(resolved: .absent, position: position) }
                entry = map.entry(key)
                remaining = remaining.dropFirst()
            case .absent, .resource:
                return Found(resolved: .absent, position: position)
            }
        }
    }

    /// `value` with every intrinsic nag can resolve replaced by its value, recursively; intrinsics it
    /// cannot resolve (references to resources, parameters without Default) are kept as written, as
    /// cdk-nag sees them. `Ref: AWS::NoValue` drops the entry.
    static func expand(_ value: Value, in context: RuleContext, depth: Int = 0) -> Value? {
        guard depth < 64 else { return value }
        switch value.kind {
        case .intrinsic:
            switch context.resolve(value) {
            case .value(let v): return v.intrinsicValue == nil ? expand(v, in: context, depth: depth + 1) : v
            case .absent: return nil
            case .resource, .unknown: return value
            }
        case .list(let items):
            return Value(.list(items.compactMap { expand($0, in: context, depth: depth + 1) }), at: value.position)
        case .map(let map):
            let entries = map.entries.compactMap { entry -> ValueMap.Entry? in
                expand(entry.value, in: context, depth: depth + 1).map {
                    ValueMap.Entry(key: entry.key, keyPosition: entry.keyPosition, value: $0)
                }
            }
            return Value(.map(ValueMap(entries)), at: value.position)
        default:
            return value
        }
    }
}

extension PropertyLookup.Found {
    /// Why the value cannot be decided, when it is an unresolved intrinsic or a resource attribute.
    var unresolved: Unresolved? {
        switch resolved {
        case .unknown(let why): why
        case .resource(let link):
            Unresolved("the value is \(link.attribute.map { "attribute \($0) of" } ?? "a reference to") resource \(link.logicalId), known only once deployed", at: link.position)
        default: nil
        }
    }

    /// Compliant when the value is true (or the string "true"); unknown when it cannot be resolved;
    /// otherwise a violation at the deepest key written.
    func requiringTrue(_ detail: String? = nil) -> RuleOutcome {
        if let why = unresolved { return .unknown(why) }
        return resolved.bool == true ? .compliant : .violation(at: position, detail)
    }

    /// A violation when the value is absent (cdk-nag's `== undefined` test); otherwise compliant.
    func requiringPresence(_ detail: String? = nil) -> RuleOutcome {
        resolved.isAbsent ? .violation(at: position, detail) : .compliant
    }
}
