/// The human format: one line per unsuppressed finding, `file:line:col: level Rule-Id Resource: cause`,
/// grouped by file, then a summary line. Load errors read `file:line:col: error: message`, as compilers write.
/// When the run read a cloud assembly, each file's group opens with the stack it is (`stack Prod-Producer
/// (Prod/Producer)`).
public struct TextFormatter: ReportFormatter {
    /// Colour the level words (only when writing to a terminal and `NO_COLOR` is unset).
    public var useColor: Bool
    /// Omit the summary line and print nothing when there is nothing to report.
    public var quiet: Bool
    /// Also list suppressed findings, with their reasons.
    public var showSuppressed: Bool
    /// The stack of each file, by path; each file's group is headed by its stack when set.
    public var stacks: [String: StackIdentity]

    public init(useColor: Bool = false, quiet: Bool = false, showSuppressed: Bool = false, stacks: [String: StackIdentity] = [:]) {
        self.useColor = useColor
        self.quiet = quiet
        self.showSuppressed = showSuppressed
        self.stacks = stacks
    }

    /// Blocks (input problems, then one per file with something to say) separated by a blank line, then the
    /// summary after another.
    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        var wroteAny = false
        func startBlock(_ output: inout some TextOutputStream) {
            output.write(wroteAny ? "\n\n" : "")
            wroteAny = true
        }
        for problem in report.inputProblems {
            startBlock(&output)
            output.write(diagnosticLine(problem))
        }
        // Files are formatted a batch at a time on all cores, then written in order: the text of one batch is
        // all that is held in memory.
        // A file with many findings is written line by line instead, so its text is never held whole.
        var start = 0
        while start < report.files.count {
            let batch = Array(report.files[start..<min(start + Self.filesPerBatch, report.files.count)])
            let blocks = concurrentMap(batch) { file in Self.isLarge(file) ? nil : block(of: file) }
            for (file, block) in zip(batch, blocks) {
                if let block {
                    guard !block.isEmpty else { continue }
                    startBlock(&output)
                    output.write(block)
                } else {
                    var first = true
                    forEachLine(of: file) { line in
                        if first {
                            startBlock(&output)
                            first = false
                        } else {
                            output.write("\n")
                        }
                        output.write(line)
                    }
                }
            }
            start += batch.count
        }
        if !report.staleBaselineEntries.isEmpty {
            startBlock(&output)
            output.write("baseline entries that no longer occur (remove them with `nag baseline update`):")
            for entry in report.staleBaselineEntries {
                output.write("\n    \(entry.template) \(entry.resource) \(entry.findingId.map { "\(entry.rule)[\($0)]" } ?? entry.rule)")
            }
        }
        if wroteAny { output.write("\n") }
        if !quiet {
            if wroteAny { output.write("\n") }
            output.write(summaryLine(report.summary) + "\n")
        }
    }

    /// How many files are formatted at once.
    static let filesPerBatch = 256
    /// A file with more findings than this is written as it is formatted, not formatted ahead as one block.
    static let largeFileFindings = 2_000

    private static func isLarge(_ file: RunReport.FileResult) -> Bool {
        (file.evaluation?.findings.count ?? 0) > largeFileFindings
    }

    /// What one file has to say (its stack, diagnostics and findings), one per line; empty when nothing.
    private func block(of file: RunReport.FileResult) -> String {
        var text = ""
        forEachLine(of: file) { line in
            if !text.isEmpty { text += "\n" }
            text += line
        }
        return text
    }

    /// Hands `emit` each line of `file`'s block: the stack header (when a line follows it), diagnostics, findings.
    private func forEachLine(of file: RunReport.FileResult, _ emit: (String) -> Void) {
        var started = false
        func line(_ text: String) {
            if !started {
                started = true
                if let header = stackHeader(file.file) { emit(header) }
            }
            emit(text)
        }
        for diagnostic in file.diagnostics { line(diagnosticLine(diagnostic)) }
        guard let evaluation = file.evaluation else { return }
        for finding in evaluation.findings where showSuppressed || !(finding.isSuppressed || finding.baselined) {
            line(findingLines(finding, generatedFrom: evaluation.template.generatedFrom(of: finding.resource.logicalId)))
        }
    }

    /// `stack NAME`, with CDK's construct path when it says more, for runs that read a cloud assembly.
    private func stackHeader(_ file: String) -> String? {
        guard !stacks.isEmpty else { return nil }
        let stack = stacks[file] ?? StackIdentity(templatePath: file)
        let path = stack.displayName.flatMap { $0 == stack.name ? nil : " (\($0))" } ?? ""
        return paint("stack \(stack.name)", .bold) + path
    }

    private func diagnosticLine(_ diagnostic: LoadDiagnostic) -> String {
        "\(diagnostic.location.description): \(paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? .red : .yellow)): \(diagnostic.message)"
    }

    /// `generatedFrom`: the Serverless resource the SAM expansion generated the finding's resource from.
    private func findingLines(_ finding: Finding, generatedFrom: String? = nil) -> String {
        let level = finding.isSuppressed ? paint("suppressed", .dim) : finding.baselined ? paint("baselined", .dim)
            : paint(finding.level.rawValue, finding.level == .error ? .red : .yellow)
        var resource = finding.resource.logicalId
        if let path = finding.resource.cdkPath { resource += " (\(path))" }
        if let generatedFrom, generatedFrom != finding.resource.logicalId { resource += " (generated from \(generatedFrom))" }
        var text = "\(finding.location.description): \(level) \(paint(finding.qualifiedRuleId, .bold)) \(resource): \(finding.message)"
        if let detail = finding.detail { text += "\n    \(detail)" }
        if let suppression = finding.suppression {
            let until = suppression.expires.map { " until \($0.description)" } ?? ""
            text += "\n    suppressed at \(suppression.location.description)\(until): \(suppression.reason)"
        } else if let expired = finding.expiredSuppression, let date = expired.expires {
            text += "\n    the suppression at \(expired.location.description) expired on \(date.description) and no longer applies: \(expired.reason)"
        }
        return text
    }

    func summaryLine(_ summary: RunReport.Summary) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [count(summary.errors, "error"), count(summary.warnings, "warning")]
        if summary.unknown > 0 {
            // Undecided findings are among the errors and warnings already counted: say so, so the line
            // does not read as more findings than there are.
            parts[1] += " (\(summary.unknown) of these undecided)"
        }
        parts.append("\(summary.suppressed) suppressed")
        if summary.baselined > 0 { parts.append("\(summary.baselined) baselined") }
        // A file that could not be loaded (or is no template) is not counted as a template checked.
        var line = "nag: " + parts.joined(separator: ", ") + " in " + count(summary.templatesLoaded, "template")
        if summary.filesFailed > 0 { line += "; \(count(summary.filesFailed, "file")) could not be loaded" }
        return line
    }

    private enum Style: String {
        case red = "31", yellow = "33", bold = "1", dim = "2"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
