/// CSV with the columns and quoting of cdk-nag's v2 `NagReportLogger`, so spreadsheets and scripts written
/// for cdk-nag's reports read nag's:
///
/// ```
/// Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info
/// "AwsSolutions-S1","Stack/Data/Resource","Non-Compliant","N/A","Error","The S3 bucket does not record server access logs."
/// ```
///
/// - One row per finding (granular ones as `RuleId[FindingId]`) and one per rule a resource complied with.
/// - Resource ID is the CDK construct path when the template has one (what cdk-nag writes), else the
///   logical id.
/// - Compliance is `Compliant`, `Non-Compliant`, `Suppressed` or `UNKNOWN` (a rule that could not decide);
///   Exception Reason is the suppression's reason (`[FindingId] reason` for a granular suppression) or `N/A`.
/// - Every field is quoted, `"` doubled; lines end with `\n`. Files that could not be loaded have no rows
///   (they are reported on standard error and in the exit status).
/// - ``stackReports(of:stack:)`` splits the rows as cdk-nag 2 does: one file per pack and stack.
/// - A report of several templates adds a seventh column, `File` (the template's path as reported), after
///   cdk-nag's six, so rows of different templates can be told apart; a report of one template has exactly
///   cdk-nag's columns and bytes.
public struct CSVFormatter: ReportFormatter {
    public static let header = "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info"
    /// The column added when a report covers several templates.
    public static let fileColumn = "File"

    public init() {}

    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        let table = RuleTable(report.rules)
        let several = report.files.filter(\.loaded).count > 1
        output.write(Self.header + (several ? "," + Self.fileColumn : "") + "\n")
        for file in report.files {
            guard let evaluation = file.evaluation else { continue }
            for row in rows(of: evaluation, table, file: several ? file.file : nil) { output.write(row.text) }
        }
    }

    /// cdk-nag 2's per-stack reports: for each stack (in report order) and each pack of the run, the rows of that
    /// pack's rules on that stack's resources, as `<Pack>-<Stack>-NagReport.csv` with the same columns and
    /// quoting as ``write(_:to:)``. A stack checked with no row for a pack still gets that pack's report (the
    /// header alone), as cdk-nag 2 writes one for every pack that visited the stack. `stack` names each file's
    /// stack.
    public func stackReports(of report: RunReport, stack: (String) -> StackIdentity) -> [(fileName: String, text: String)] {
        let table = RuleTable(report.rules)
        var stackNames: [String] = []
        var texts: [String: [String: String]] = [:]
        for file in report.files {
            guard let evaluation = file.evaluation else { continue }
            let name = stack(file.file).name.replacingAll("/", with: "-")
            if texts[name] == nil {
                stackNames.append(name)
                texts[name] = Dictionary(uniqueKeysWithValues: table.packs.map { ($0, Self.header + "\n") })
            }
            for row in rows(of: evaluation, table) {
                guard let pack = RuleID(parsing: row.ruleId)?.pack else { continue }
                texts[name]?[pack, default: Self.header + "\n"] += row.text
            }
        }
        return stackNames.flatMap { name in
            table.packs.map { pack in ("\(pack)-\(name)-NagReport.csv", texts[name]?[pack] ?? Self.header + "\n") }
        }
    }

    /// Each rule's cause and level, and the run's packs in order.
    private struct RuleTable {
        var rules: [RuleDescription]
        var causes: [String: String] = [:]
        var levels: [String: RuleLevel] = [:]
        var packs: [String] = []

        init(_ rules: [RuleDescription]) {
            self.rules = rules
            for rule in rules {
                if causes[rule.id] == nil { causes[rule.id] = rule.cause }
                if levels[rule.id] == nil { levels[rule.id] = rule.level }
                if let pack = RuleID(parsing: rule.id)?.pack, !packs.contains(pack) { packs.append(pack) }
            }
        }
    }

    /// The rows of one evaluated file, each with the rule it is about.
    private func rows(of evaluation: TemplateEvaluation, _ table: RuleTable, file: String? = nil) -> [(ruleId: String, text: String)] {
        var rows: [(ruleId: String, text: String)] = []
        let extra = file.map { [$0] } ?? []
        for check in RuleCheck.checks(of: evaluation, rules: table.rules) {
            let resource = check.resource.cdkPath ?? check.resource.logicalId
            let info = table.causes[check.ruleId]
            if check.findings.isEmpty {
                rows.append((check.ruleId, Self.row([check.ruleId, resource, "Compliant", "N/A",
                                                     Self.level(table.levels[check.ruleId] ?? .error), info ?? ""] + extra)))
            }
            for finding in check.findings {
                var compliance = finding.kind == .unknown ? "UNKNOWN" : "Non-Compliant"
                var reason = "N/A"
                if let suppression = finding.suppression {
                    compliance = "Suppressed"
                    reason = suppression.reason
                    if suppression.isGranular, let findingId = finding.findingId {
                        reason = "[\(findingId)] \(reason)"
                    }
                }
                // An unknown's level is the --unknown level; the column is the rule's, as in cdk-nag.
                let level = finding.kind == .unknown ? table.levels[finding.ruleId] ?? finding.level : finding.level
                rows.append((finding.ruleId, Self.row([finding.qualifiedRuleId, resource, compliance, reason,
                                                       Self.level(level), info ?? finding.message] + extra)))
            }
        }
        return rows
    }

    /// cdk-nag's `NagMessageLevel` words.
    static func level(_ level: RuleLevel) -> String {
        switch level {
        case .error: "Error"
        case .warning: "Warning"
        }
    }

    /// Each field in double quotes with `"` doubled, as cdk-nag writes them.
    static func row(_ fields: [String]) -> String {
        fields.map { "\"" + $0.replacingAll("\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
    }
}
