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

    /// The checks of one evaluated file, in a stable order: resources as the template lists them, rules in
    /// the order of the run's rules; findings about the template's own metadata come last.
    static func checks(of evaluation: TemplateEvaluation, rules: [RuleDescription]) -> [RuleCheck] {
        var resourceOrder: [String: Int] = [:]
        for (index, resource) in evaluation.template.resources.enumerated() where resourceOrder[resource.logicalId] == nil {
            resourceOrder[resource.logicalId] = index
        }
        var ruleOrder: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleOrder[rule.id] == nil {
            ruleOrder[rule.id] = index
        }
        struct Key: Hashable { var ruleId: String; var logicalId: String }
        var checks: [RuleCheck] = []
        var indexOf: [Key: Int] = [:]
        for check in evaluation.compliant {
            let key = Key(ruleId: check.ruleId, logicalId: check.resource.logicalId)
            guard indexOf[key] == nil else { continue }
            indexOf[key] = checks.count
            checks.append(RuleCheck(ruleId: check.ruleId, resource: check.resource, findings: []))
        }
        for finding in evaluation.findings {
            let key = Key(ruleId: finding.ruleId, logicalId: finding.resource.logicalId)
            if let index = indexOf[key] {
                checks[index].findings.append(finding)
            } else {
                indexOf[key] = checks.count
                checks.append(RuleCheck(ruleId: finding.ruleId, resource: finding.resource, findings: [finding]))
            }
        }
        func sortKey(_ check: RuleCheck) -> (Int, Int, String, String) {
            (resourceOrder[check.resource.logicalId] ?? Int.max, ruleOrder[check.ruleId] ?? Int.max,
             check.ruleId, check.resource.logicalId)
        }
        return checks.sorted { sortKey($0) < sortKey($1) }
    }
}
