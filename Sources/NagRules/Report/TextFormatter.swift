/// The human format: one line per unsuppressed finding, `file:line:col: level Rule-Id Resource: cause`,
/// grouped by file, then a summary line. Load errors read `file:line:col: error: message`, as compilers write.
public struct TextFormatter: ReportFormatter {
    /// Colour the level words (only when writing to a terminal and `NO_COLOR` is unset).
    public var useColor: Bool
    /// Omit the summary line and print nothing when there is nothing to report.
    public var quiet: Bool
    /// Also list suppressed findings, with their reasons.
    public var showSuppressed: Bool

    public init(useColor: Bool = false, quiet: Bool = false, showSuppressed: Bool = false) {
        self.useColor = useColor
        self.quiet = quiet
        self.showSuppressed = showSuppressed
    }

    public func format(_ report: RunReport) -> String {
        var blocks: [String] = []
        for problem in report.inputProblems {
            blocks.append(diagnosticLine(problem))
        }
        for file in report.files {
            var lines = file.diagnostics.map(diagnosticLine)
            for finding in file.evaluation?.findings ?? [] where showSuppressed || !finding.isSuppressed {
                lines.append(findingLines(finding))
            }
            if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
        }
        var text = blocks.joined(separator: "\n\n")
        if !text.isEmpty { text += "\n" }
        if !quiet {
            if !text.isEmpty { text += "\n" }
            text += summaryLine(report.summary) + "\n"
        }
        return text
    }

    private func diagnosticLine(_ diagnostic: LoadDiagnostic) -> String {
        "\(diagnostic.location): \(paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? .red : .yellow)): \(diagnostic.message)"
    }

    private func findingLines(_ finding: Finding) -> String {
        let level = finding.isSuppressed ? paint("suppressed", .dim)
            : paint(finding.level.rawValue, finding.level == .error ? .red : .yellow)
        var resource = finding.resource.logicalId
        if let path = finding.resource.cdkPath { resource += " (\(path))" }
        var text = "\(finding.location): \(level) \(paint(finding.qualifiedRuleId, .bold)) \(resource): \(finding.message)"
        if let detail = finding.detail { text += "\n    \(detail)" }
        if let suppression = finding.suppression {
            text += "\n    suppressed at \(suppression.location): \(suppression.reason)"
        }
        return text
    }

    func summaryLine(_ summary: RunReport.Summary) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [count(summary.errors, "error"), count(summary.warnings, "warning")]
        if summary.unknown > 0 { parts.append("\(summary.unknown) undecided") }
        parts.append("\(summary.suppressed) suppressed")
        var line = "nag: " + parts.joined(separator: ", ") + " in " + count(summary.files, "template")
        if summary.filesFailed > 0 { line += "; \(summary.filesFailed) could not be loaded" }
        return line
    }

    private enum Style: String {
        case red = "31", yellow = "33", bold = "1", dim = "2"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
