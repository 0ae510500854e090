/// The checks' property reader: how a check reads the properties of the resource it decides.
///
/// Read a property the way the cdk-nag rule reads it, so that the outcome is cdk-nag's:
/// - a single value cdk-nag reads with `resolveIfPrimitive`: ``Scalar`` (`Scalar(resource, "Port", in: context)`,
///   or `resolved.scalar`), tested as JavaScript tests it (`truthy`, `looselyFalse`, `equals(_:)`);
/// - a nested property cdk-nag reads as a plain object (`node.encryptionInfo.encryptionInTransit`):
///   ``find(_:_:in:)``, which walks the path the same way (a missing or non-map step makes the rest absent)
///   and remembers the deepest key written, where a finding points;
/// - a list: ``items(_:in:)`` (each item resolved), ``maps(_:in:)``; a list of named settings
///   (`[{Key, Value}]`): ``SettingsList``;
/// - whether a property is set at all: ``Presence`` (following `Fn::If` to `AWS::NoValue`), or
///   ``Found/requiringPresence(_:)`` for cdk-nag's `== undefined`;
/// - a value that names another resource, or that cdk-nag reads with `Stack.resolve`: `context.resolve(_:)`,
///   whose ``Resolved`` follows `Ref` and `Fn::GetAtt` (`resourceName` is cdk-nag's
///   `resolveResourceFromIntrinsic`);
/// - a whole common test (a flag that must be true, a minimum number of days): ``Requirement``.
///
/// Decide over several parts (the items of a list, settings, related resources) with ``Verdict``'s
/// `every` and `some`, and report `verdict.outcome`, rather than keeping the first unknown by hand.
///
/// ```swift
/// let setting = PropertyLookup.find(resource, "EncryptionInfo", "EncryptionInTransit", "InCluster", in: context)
/// if let why = setting.unresolved { return .unknown(why) }
/// return setting.resolved.bool == false ? .violation(at: setting.position) : .compliant
/// ```
enum PropertyLookup {
    /// What a path leads to, and where a finding about it points.
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

    /// The items of a list property, each resolved (items that resolve to `AWS::NoValue` are dropped; a
    /// single value stands for a list of one); nil when the property is not set, a failure when the list
    /// itself cannot be resolved.
    static func items(_ value: Value?, in context: RuleContext) -> Result<[Resolved], Unresolved>? {
        context.resolver.resolveList(value)
    }

    /// The maps of a list property (as ``items(_:in:)`` reads it), or why the list or one of its items cannot be
    /// resolved; nil when the property is not set. Items that are not maps are passed over.
    static func maps(_ value: Value?, in context: RuleContext) -> Result<[ValueMap], Unresolved>? {
        items(value, in: context)?.flatMap { items in
            if let why = items.lazy.compactMap(\.unresolved).first { return .failure(why) }
            return .success(items.compactMap(\.map))
        }
    }

    /// The maps of a literal list, passing over whatever nag cannot read: an item that is not a map or cannot
    /// be resolved, and a value that is not a list. For checks that report only what they can see.
    static func readableMaps(_ value: Value?, in context: RuleContext) -> [ValueMap] {
        (context.resolve(value).list ?? []).compactMap { context.resolve($0).map }
    }

    /// Where `key` is written in `map`, else `fallback`.
    static func position(of key: String, in map: ValueMap?, else fallback: Position) -> Position {
        map?.entry(key)?.keyPosition ?? fallback
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
    /// Why the value cannot be decided: an intrinsic nag cannot resolve, or a reference to a resource
    /// (known only once deployed). Nil for a literal, of any kind, and for an absent value.
    var unresolved: Unresolved? {
        resolved.unresolved ?? resolved.resourceLink?.unknownUntilDeployed
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
