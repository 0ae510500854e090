/// The rules selected for a run, with levels adjusted, and the distinct checks behind them indexed by the
/// resource types they read.
///
/// A check published by several selected rules (`AwsSolutions-S10`, `HIPAA.Security-S3BucketSSLRequestsOnly`)
/// appears once in ``checks(for:)``, with every rule that publishes it: it is evaluated once per resource.
/// Two checks are the same when they have the same type and name.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// Levels changed for this run (`--level Nag-SUP4=error`), by rule id.
    public let levelOverrides: [String: RuleLevel]
    /// Every selected rule's id, as written.
    public let ruleIds: Set<String>
    /// For each rule (as ``rules`` orders them), the place of its id among the selected rules' ids in string
    /// order; rules with the same id share one. Findings are sorted by these numbers instead of their ids.
    let idRanks: [Int32]
    private let checks: [Publication]
    /// For each type some check names, the checks that read it (every-type checks merged in, in order).
    private let byType: [String: [Publication]]
    /// The checks that read every type: all a resource of a type no check names gets.
    private let everyType: [Publication]

    /// A distinct check and the selected rules that publish it, in selection order.
    public struct Publication: Sendable {
        public let check: any Check
        /// Indexes into ``RuleSet/rules``.
        public let rules: [Int]
    }

    private struct CheckKey: Hashable {
        let type: ObjectIdentifier
        let name: String
    }

    public init(rules: [Rule], levelOverrides: [String: RuleLevel] = [:]) {
        self.rules = rules
        self.levelOverrides = levelOverrides
        self.ruleIds = Set(rules.map(\.id.description))
        let ids = rules.map(\.id.description)
        var idRanks = [Int32](repeating: 0, count: rules.count)
        var rank: Int32 = 0
        let byId = ids.indices.sorted { ids[$0] < ids[$1] }
        for (position, index) in byId.enumerated() {
            if position > 0, ids[byId[position - 1]] != ids[index] { rank += 1 }
            idRanks[index] = rank
        }
        self.idRanks = idRanks
        var checks: [Publication] = []
        var indexOfCheck: [CheckKey: Int] = [:]
        var publishers: [[Int]] = []
        for (ruleIndex, rule) in rules.enumerated() {
            guard let check = rule.check else { continue }
            let key = CheckKey(type: ObjectIdentifier(type(of: check)), name: check.name)
            if let index = indexOfCheck[key] {
                publishers[index].append(ruleIndex)
            } else {
                indexOfCheck[key] = checks.count
                checks.append(Publication(check: check, rules: []))
                publishers.append([ruleIndex])
            }
        }
        self.checks = zip(checks, publishers).map { Publication(check: $0.check, rules: $1) }
        // Dispatch by type is decided here, once per run: a resource's checks are one dictionary lookup.
        var byType: [String: [Int]] = [:]
        var everyType: [Int] = []
        for (index, publication) in self.checks.enumerated() {
            let types = publication.check.about.resourceTypes
            if types.isEmpty { everyType.append(index) }
            for type in types { byType[type, default: []].append(index) }
        }
        let publications = self.checks
        self.byType = byType.mapValues { indexes in
            (everyType.isEmpty ? indexes : (indexes + everyType).sorted()).map { publications[$0] }
        }
        self.everyType = everyType.map { publications[$0] }
    }

    /// The distinct checks that read resources of `type`, in selection order.
    public func checks(for type: String) -> [Publication] {
        byType[type] ?? everyType
    }

    /// The rules whose checks read resources of `type`, in selection order.
    public func rules(for type: String) -> [Rule] {
        checks(for: type).flatMap(\.rules).sorted().map { rules[$0] }
    }

    /// The number of distinct checks behind the selected rules.
    public var checkCount: Int { checks.count }

    /// The selected rules the suppression stage reports.
    public var auditRules: [Rule] { rules.filter { $0.audit != nil } }

    public func level(of rule: Rule) -> RuleLevel {
        levelOverrides[rule.id.description] ?? rule.level
    }

    /// The level of one violation: a `--level` override, else the lower of the violation's own level (a
    /// lesser form of the problem) and the rule's.
    public func level(of violation: Violation, of rule: Rule) -> RuleLevel {
        if let override = levelOverrides[rule.id.description] { return override }
        return violation.level.map { min($0, rule.level) } ?? rule.level
    }
}
