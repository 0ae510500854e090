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
        var text = ReportText()
        text.append(Self.header + (several ? "," + Self.fileColumn : "") + "\n")
        for file in report.files {
            guard let evaluation = file.evaluation else { continue }
            writeRows(of: evaluation, table, file: several ? file.file : nil, into: &text) { _, text in
                text.flushIfFull(to: &output)
            }
        }
        text.flush(to: &output)
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
            var text = ReportText()
            writeRows(of: evaluation, table, into: &text) { ruleId, text in
                defer { text.clear() }
                guard let pack = RuleID(parsing: ruleId)?.pack else { return }
                texts[name]?[pack, default: Self.header + "\n"] += text.string
            }
        }
        return stackNames.flatMap { name in
            table.packs.map { pack in ("\(pack)-\(name)-NagReport.csv", texts[name]?[pack] ?? Self.header + "\n") }
        }
    }

    /// The run's rules in order (a rule id's cause and level are its first rule's), and its packs in order.
    private struct RuleTable {
        var rules: [RuleDescription]
        var order: RuleCheck.RuleOrder
        var packs: [String] = []

        init(_ rules: [RuleDescription]) {
            self.rules = rules
            order = RuleCheck.RuleOrder(rules)
            for rule in rules {
                if let pack = RuleID(parsing: rule.id)?.pack, !packs.contains(pack) { packs.append(pack) }
            }
        }

        /// The rule a check is about, when it is one of the run's.
        func rule(of check: RuleCheck) -> RuleDescription? {
            check.rulePosition.map { rules[$0] }
        }
    }

    /// Writes the rows of one evaluated file into `text`, calling `rowWritten` with the rule id after each row.
    private func writeRows(of evaluation: TemplateEvaluation, _ table: RuleTable, file: String? = nil, into text: inout ReportText,
                           rowWritten: (String, inout ReportText) -> Void) {
        for check in RuleCheck.checks(of: evaluation, order: table.order) {
            let resource = check.resource.cdkPath ?? check.resource.logicalId
            let rule = table.rule(of: check)
            if check.findings.isEmpty {
                Self.writeRow(check.ruleId, resource, "Compliant", "N/A", Self.level(rule?.level ?? .error), rule?.cause ?? "",
                              file: file, into: &text)
                rowWritten(check.ruleId, &text)
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
                let level = finding.kind == .unknown ? rule?.level ?? finding.level : finding.level
                Self.writeRow(finding.qualifiedRuleId, resource, compliance, reason, Self.level(level), rule?.cause ?? finding.message,
                              file: file, into: &text)
                rowWritten(finding.ruleId, &text)
            }
        }
    }

    /// One row: each field in double quotes with `"` doubled, as cdk-nag writes them, `file` last when given.
    private static func writeRow(_ ruleId: String, _ resource: String, _ compliance: String, _ reason: String, _ level: String,
                                 _ info: String, file: String?, into text: inout ReportText) {
        let comma = UInt8(ascii: ",")
        text.appendCSVQuoted(ruleId)
        text.append(byte: comma)
        text.appendCSVQuoted(resource)
        text.append(byte: comma)
        text.appendCSVQuoted(compliance)
        text.append(byte: comma)
        text.appendCSVQuoted(reason)
        text.append(byte: comma)
        text.appendCSVQuoted(level)
        text.append(byte: comma)
        text.appendCSVQuoted(info)
        if let file {
            text.append(byte: comma)
            text.appendCSVQuoted(file)
        }
        text.append(byte: UInt8(ascii: "\n"))
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
        var text = ReportText()
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(byte: UInt8(ascii: ",")) }
            text.appendCSVQuoted(field)
        }
        text.append(byte: UInt8(ascii: "\n"))
        return text.string
    }
}
