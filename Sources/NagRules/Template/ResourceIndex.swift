/// Finds a template's resources by logical id.
///
/// A loaded template's resources are usually the entries of its `Resources` map, in order: the map already has a
/// hash index when it is large, so the template looks resources up through it instead of keeping a second table of
/// thousands of names. Otherwise (a `Fn::ForEach` loop or a malformed entry was skipped, the SAM expansion added
/// resources) it keeps a table of its own.
enum ResourceIndex: Sendable {
    /// `resources[i]` is the `i`-th entry of this map, whose keys are unique.
    case section(ValueMap)
    /// The place of each logical id in `resources` (the first, should a list built in code repeat a name).
    case table([String: Int])

    init(resources: [Resource], root: Value) {
        if let section = root.mapValue?["Resources"]?.mapValue, section.count == resources.count,
           Self.namesMatch(section, resources), section.hasUniqueKeys {
            self = .section(section)
        } else {
            self = .table(Dictionary(resources.enumerated().map { ($1.logicalId, $0) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Whether the `i`-th resource is named by the `i`-th key of `section` for every `i` (the counts are equal).
    private static func namesMatch(_ section: ValueMap, _ resources: [Resource]) -> Bool {
        section.entries.withUnsafeBufferPointer { entries in
            resources.withUnsafeBufferPointer { resources in
                for offset in entries.indices where entries[offset].key != resources[offset].logicalId { return false }
                return true
            }
        }
    }

    /// The place of resource `logicalId` in the template's resources.
    subscript(logicalId: String) -> Int? {
        switch self {
        case .section(let section): section.offset(of: logicalId)
        case .table(let table): table[logicalId]
        }
    }
}
