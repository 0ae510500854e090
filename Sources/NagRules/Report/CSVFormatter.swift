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
public struct CSVFormatter: ReportFormatter {
    public static let header = "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info"

    public init() {}

    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        output.write(text(of: report))
    }

    private func text(of report: RunReport) -> String {
        var causes: [String: String] = [:]
        for rule in report.rules where causes[rule.id] == nil { causes[rule.id] = rule.cause }
        var levels: [String: RuleLevel] = [:]
        for rule in report.rules where levels[rule.id] == nil { levels[rule.id] = rule.level }
        var text = Self.header + "\n"
        for file in report.files {
            guard let evaluation = file.evaluation else { continue }
            for check in RuleCheck.checks(of: evaluation, rules: report.rules) {
                let resource = check.resource.cdkPath ?? check.resource.logicalId
                let info = causes[check.ruleId]
                if check.findings.isEmpty {
                    text += Self.row([check.ruleId, resource, "Compliant", "N/A",
                                      Self.level(levels[check.ruleId] ?? .error), info ?? ""])
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
                    let level = finding.kind == .unknown ? levels[finding.ruleId] ?? finding.level : finding.level
                    text += Self.row([finding.qualifiedRuleId, resource, compliance, reason,
                                      Self.level(level), info ?? finding.message])
                }
            }
        }
        return text
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
