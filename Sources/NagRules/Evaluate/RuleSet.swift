/// The rules selected for a run, indexed by the resource types they read, with levels adjusted.
public struct RuleSet: Sendable {
    public let rules: [any Rule]
    /// Levels changed for this run (`--level Nag-SUP4=error`).
    public let levelOverrides: [String: RuleLevel]
    private let byType: [String: [Int]]
    private let everyType: [Int]

    public init(rules: [any Rule], levelOverrides: [String: RuleLevel] = [:]) {
        self.rules = rules
        self.levelOverrides = levelOverrides
        var byType: [String: [Int]] = [:]
        var everyType: [Int] = []
        for (index, rule) in rules.enumerated() {
            let types = rule.description.resourceTypes
            if types.isEmpty { everyType.append(index) }
            for type in types { byType[type, default: []].append(index) }
        }
        self.byType = byType
        self.everyType = everyType
    }

    /// The rules that read resources of `type`, in pack order.
    public func rules(for type: String) -> [any Rule] {
        let indexes = everyType.isEmpty ? byType[type, default: []] : (byType[type, default: []] + everyType).sorted()
        return indexes.map { rules[$0] }
    }

    public func level(of rule: RuleDescription) -> RuleLevel {
        levelOverrides[rule.id] ?? rule.level
    }

    /// The level of one violation: a `--level` override, else the violation's own level, else the rule's.
    public func level(of violation: Violation, of rule: RuleDescription) -> RuleLevel {
        levelOverrides[rule.id] ?? violation.level ?? rule.level
    }

    public var ruleIds: Set<String> { Set(rules.map(\.description.id)) }
}
