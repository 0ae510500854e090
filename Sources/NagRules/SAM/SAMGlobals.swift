/// The template's `Globals` section, merged into each Serverless resource the way SAM merges it.
///
/// For each property: a value only one side has is taken as is; two maps merge key by key (recursively,
/// the resource winning on scalars); two lists are concatenated, global items first; anything else (two
/// scalars, or values of different kinds, intrinsics included) takes the resource's value.
struct SAMGlobals: Sendable {
    /// Each section of `Globals` (`Function`, `Api`, `HttpApi`, `SimpleTable`, …) by name.
    private let sections: [String: ValueMap]

    init(_ globals: Value?) {
        var sections: [String: ValueMap] = [:]
        for entry in globals?.mapValue?.entries ?? [] {
            if let map = entry.value.mapValue { sections[entry.key] = map }
        }
        self.sections = sections
    }

    /// The `Globals` section name for a Serverless type (`AWS::Serverless::Function` → `Function`).
    static func section(for type: String) -> String {
        String(type.dropFirst("AWS::Serverless::".count))
    }

    /// `properties` with the globals of `type` merged in.
    func merged(_ properties: ValueMap, type: String) -> ValueMap {
        guard let global = sections[Self.section(for: type)], !global.isEmpty else { return properties }
        return Self.merge(global: global, local: properties)
    }

    /// Merges two maps: the global map's keys first, in its order, then the local-only keys.
    static func merge(global: ValueMap, local: ValueMap) -> ValueMap {
        var result = ValueMap()
        for entry in global.entries {
            if let localEntry = local.entry(entry.key) {
                result.set(entry.key, merge(global: entry.value, local: localEntry.value), keyPosition: localEntry.keyPosition)
            } else {
                result.set(entry.key, entry.value, keyPosition: entry.keyPosition)
            }
        }
        for entry in local.entries where global.entry(entry.key) == nil {
            result.set(entry.key, entry.value, keyPosition: entry.keyPosition)
        }
        return result
    }

    /// Merges two values by the rules above.
    static func merge(global: Value, local: Value) -> Value {
        switch (global.kind, local.kind) {
        case (.map(let g), .map(let l)):
            return Value(.map(merge(global: g, local: l)), at: local.position)
        case (.list(let g), .list(let l)):
            return Value(.list(g + l), at: local.position)
        default:
            return local
        }
    }
}
