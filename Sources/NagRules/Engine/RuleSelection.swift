/// Which rules a run uses: packs by name, then `--rule` / `--skip-rule` filters (exact ids or prefixes),
/// and level changes.
public struct RuleSelection: Sendable {
    public var packNames: [String]
    /// Keep only rules whose id starts with one of these (empty keeps all).
    public var only: [String]
    /// Drop rules whose id starts with one of these.
    public var skip: [String]
    public var levelOverrides: [String: RuleLevel]

    public init(packNames: [String] = BuiltInPacks.defaultNames, only: [String] = [], skip: [String] = [],
                levelOverrides: [String: RuleLevel] = [:]) {
        self.packNames = packNames
        self.only = only
        self.skip = skip
        self.levelOverrides = levelOverrides
    }

    public enum SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownPack(String, available: [String])
        case noRuleMatches(String)
        /// A `--level` names no rule (`suggestion`: the id it differs from only in case).
        case unknownRuleLevel(String, suggestion: String?)

        public var description: String {
            switch self {
            case .unknownRuleLevel(let id, let suggestion):
                "--level names \(id), which is not a rule id" + (suggestion.map { " (did you mean \($0)? ids are case-sensitive)" } ?? " (see `nag rules`)")
            case .unknownPack(let name, let available):
                "unknown pack \(name) (available: \(available.joined(separator: ", ")))"
            case .noRuleMatches(let filter):
                "no rule id starts with \(filter) (see `nag rules`)"
            }
        }
    }

    /// The pack name that selects every built-in pack.
    public static let allPacks = "all"

    /// The selected rules out of `available` packs; the `Nag` suppression checks are always included
    /// unless skipped. The name `all` selects every built-in pack.
    public func ruleSet(from available: [RulePack]) throws(SelectionError) -> RuleSet {
        var packs: [RulePack] = []
        let names = packNames.flatMap { name in
            name.lowercased() == Self.allPacks ? BuiltInPacks.all.map(\.name) : [name]
        }
        for name in names {
            guard let pack = available.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw .unknownPack(name, available: available.map(\.name) + [Self.allPacks])
            }
            if !packs.contains(where: { $0.name == pack.name }) { packs.append(pack) }
        }
        if !packs.contains(where: { $0.name == RulePack.nag.name }) { packs.append(.nag) }
        let allIds = available.flatMap(\.rules).map(\.id.description)
        for filter in only + skip where !allIds.contains(where: { $0.hasPrefix(filter) }) {
            throw .noRuleMatches(filter)
        }
        let known = Set(allIds)
        for id in levelOverrides.keys.sorted() where !known.contains(id) {
            throw .unknownRuleLevel(id, suggestion: allIds.first { $0.lowercased() == id.lowercased() })
        }
        let rules = packs.flatMap(\.rules).filter { rule in
            let id = rule.id.description
            let kept = only.isEmpty || rule.audit != nil || only.contains(where: id.hasPrefix)
            return kept && !skip.contains(where: id.hasPrefix)
        }
        return RuleSet(rules: rules, levelOverrides: levelOverrides)
    }
}
