/// The formatter for each format, and what the per-check formats (JUnit, CSV) share.
public enum MachineFormats {
    /// The formatter for `format`, with the defaults of each (no colour for text).
    public static func formatter(for format: ReportFormat) -> any ReportFormatter {
        switch format {
        case .text: TextFormatter()
        case .json: JSONFormatter()
        case .sarif: SARIFFormatter()
        case .junit: JUnitFormatter()
        case .csv: CSVFormatter()
        }
    }
}

/// One rule checked against one resource of a file: the findings it gave (suppressed ones included), or
/// none when the resource complied. JUnit writes one test case per check, CSV one row per finding or
/// compliant check.
struct RuleCheck {
    var ruleId: String
    var resource: ResourceSummary
    /// Empty when the resource complied.
    var findings: [Finding]
    /// The position of the rule in the run's rules (``RuleOrder``), nil for a rule outside them.
    var rulePosition: Int? = nil

    /// The position of each rule id in the run's rules (the first, when an id repeats): made once per report
    /// and shared by the checks of every file.
    struct RuleOrder {
        private var positions: [String: Int] = [:]

        init(_ rules: [RuleDescription]) {
            positions.reserveCapacity(rules.count)
            for (index, rule) in rules.enumerated() where positions[rule.id] == nil {
                positions[rule.id] = index
            }
        }

        subscript(ruleId: String) -> Int? { positions[ruleId] }
    }

    /// The checks of one evaluated file, in a stable order: resources as the template lists them, rules in
    /// the order of the run's rules; findings about the template's own metadata come last.
    static func checks(of evaluation: TemplateEvaluation, rules: [RuleDescription]) -> [RuleCheck] {
        checks(of: evaluation, order: RuleOrder(rules))
    }

    /// ``checks(of:rules:)`` with the rules' order made beforehand. Every compliant pair and finding is keyed by
    /// the positions of its resource and rule, looked up once, and sorted by them (by name only for a resource or
    /// rule outside the template or the run, then by where it came from); equal neighbours are one check. No
    /// table of checks is kept, and the items are read in order, so the time grows with their number.
    static func checks(of evaluation: TemplateEvaluation, order ruleOrder: RuleOrder) -> [RuleCheck] {
        var resourceOrder: [String: Int] = [:]
        resourceOrder.reserveCapacity(evaluation.template.resources.count)
        for (index, resource) in evaluation.template.resources.enumerated() where resourceOrder[resource.logicalId] == nil {
            resourceOrder[resource.logicalId] = index
        }
        let compliant = evaluation.compliant, findings = evaluation.findings
        /// A compliant pair (`source` below `compliant.count`) or a finding, with the positions of its resource
        /// and rule (`Int.max` for one that has none).
        struct Item { var resource: Int; var rule: Int; var source: Int }
        var items: [Item] = []
        items.reserveCapacity(compliant.count + findings.count)
        // Consecutive items mostly share a resource or rule: remember the last lookup of each.
        var lastLogicalId = "", lastResource = Int.max, lastRuleId = "", lastRule = Int.max
        func add(_ ruleId: String, _ logicalId: String, source: Int) {
            if logicalId != lastLogicalId || lastLogicalId.isEmpty {
                lastLogicalId = logicalId
                lastResource = resourceOrder[logicalId] ?? Int.max
            }
            if ruleId != lastRuleId || lastRuleId.isEmpty {
                lastRuleId = ruleId
                lastRule = ruleOrder[ruleId] ?? Int.max
            }
            items.append(Item(resource: lastResource, rule: lastRule, source: source))
        }
        for (index, check) in compliant.enumerated() { add(check.ruleId, check.resource.logicalId, source: index) }
        for (index, finding) in findings.enumerated() { add(finding.ruleId, finding.resource.logicalId, source: compliant.count + index) }
        func names(_ item: Item) -> (ruleId: String, logicalId: String) {
            item.source < compliant.count
                ? (compliant[item.source].ruleId, compliant[item.source].resource.logicalId)
                : (findings[item.source - compliant.count].ruleId, findings[item.source - compliant.count].resource.logicalId)
        }
        /// Positions identify ids one to one, so names only tell apart items without both.
        func sameCheck(_ a: Item, _ b: Item) -> Bool {
            guard a.resource == b.resource && a.rule == b.rule else { return false }
            return (a.resource != Int.max && a.rule != Int.max) || names(a) == names(b)
        }
        items.sort { a, b in
            if a.resource != b.resource { return a.resource < b.resource }
            if a.rule != b.rule { return a.rule < b.rule }
            if a.resource == Int.max || a.rule == Int.max {
                let left = names(a), right = names(b)
                if left != right { return left < right }
            }
            return a.source < b.source
        }
        var checks: [RuleCheck] = []
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count && sameCheck(items[start], items[end]) { end += 1 }
            let first = items[start]
            var check = first.source < compliant.count
                ? RuleCheck(ruleId: compliant[first.source].ruleId, resource: compliant[first.source].resource, findings: [])
                : RuleCheck(ruleId: findings[first.source - compliant.count].ruleId,
                            resource: findings[first.source - compliant.count].resource, findings: [])
            check.rulePosition = first.rule == Int.max ? nil : first.rule
            for item in items[start..<end] where item.source >= compliant.count {
                check.findings.append(findings[item.source - compliant.count])
            }
            checks.append(check)
            start = end
        }
        return checks
    }
}
