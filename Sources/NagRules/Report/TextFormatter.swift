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
        // Files are formatted a batch at a time on all cores, into bytes, then written in order: the text of one
        // batch is all that is held in memory. A file with many findings is written as it is formatted instead,
        // in pieces, so its text is never held whole.
        var start = 0
        while start < report.files.count {
            let batch = Array(report.files[start..<min(start + Self.filesPerBatch, report.files.count)])
            let blocks = concurrentMap(batch) { file -> ReportText? in
                guard !Self.isLarge(file) else { return nil }
                var text = ReportText(capacity: 0)
                appendLines(of: file, to: &text)
                return text
            }
            for (file, block) in zip(batch, blocks) {
                if var block {
                    guard !block.isEmpty else { continue }
                    startBlock(&output)
                    block.flush(to: &output)
                } else if hasLines(file) {
                    startBlock(&output)
                    var text = ReportText()
                    appendLines(of: file, to: &text) { $0.flushIfFull(to: &output) }
                    text.flush(to: &output)
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

    /// Whether `file` has anything to say: a diagnostic, or a finding the report shows.
    private func hasLines(_ file: RunReport.FileResult) -> Bool {
        !file.diagnostics.isEmpty || (file.evaluation?.findings.contains(where: shows) ?? false)
    }

    private func shows(_ finding: Finding) -> Bool {
        showSuppressed || !(finding.isSuppressed || finding.baselined)
    }

    /// Appends what `file` has to say, one line each, separated by line breaks: its stack header (when a line
    /// follows it), diagnostics, findings. `afterLine` runs after each line (a streamed file flushes there).
    private func appendLines(of file: RunReport.FileResult, to text: inout ReportText,
                             afterLine: (inout ReportText) -> Void = { _ in }) {
        var started = false
        func startLine() {
            if started {
                text.append(byte: UInt8(ascii: "\n"))
            } else {
                started = true
                if let header = stackHeader(file.file) {
                    text.append(header)
                    text.append(byte: UInt8(ascii: "\n"))
                }
            }
        }
        for diagnostic in file.diagnostics {
            startLine()
            text.append(diagnosticLine(diagnostic))
            afterLine(&text)
        }
        guard let evaluation = file.evaluation else { return }
        for finding in evaluation.findings where shows(finding) {
            startLine()
            appendFinding(finding, generatedFrom: evaluation.template.generatedFrom(of: finding.resource.logicalId), to: &text)
            afterLine(&text)
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

    /// A finding's lines: `file:line:col: level Rule-Id[finding] Resource (path): cause`, then its detail and
    /// suppression, each indented on a line of its own. `generatedFrom`: the Serverless resource the SAM
    /// expansion generated the finding's resource from.
    private func appendFinding(_ finding: Finding, generatedFrom: String?, to text: inout ReportText) {
        appendLocation(finding.location, to: &text)
        text.append(": ")
        if finding.isSuppressed {
            appendPainted("suppressed", .dim, to: &text)
        } else if finding.baselined {
            appendPainted("baselined", .dim, to: &text)
        } else {
            appendPainted(finding.level.rawValue, finding.level == .error ? .red : .yellow, to: &text)
        }
        text.append(byte: UInt8(ascii: " "))
        if useColor {
            text.append(paint(finding.qualifiedRuleId, .bold))
        } else {
            text.append(finding.ruleId)
            if let findingId = finding.findingId {
                text.append(byte: UInt8(ascii: "["))
                text.append(findingId)
                text.append(byte: UInt8(ascii: "]"))
            }
        }
        text.append(byte: UInt8(ascii: " "))
        text.append(finding.resource.logicalId)
        if let path = finding.resource.cdkPath {
            text.append(" (")
            text.append(path)
            text.append(byte: UInt8(ascii: ")"))
        }
        if let generatedFrom, generatedFrom != finding.resource.logicalId {
            text.append(" (generated from ")
            text.append(generatedFrom)
            text.append(byte: UInt8(ascii: ")"))
        }
        text.append(": ")
        text.append(finding.message)
        if let detail = finding.detail {
            text.append("\n    ")
            text.append(detail)
        }
        if let suppression = finding.suppression {
            text.append("\n    suppressed at ")
            appendLocation(suppression.location, to: &text)
            if let expires = suppression.expires {
                text.append(" until ")
                text.append(expires.description)
            }
            text.append(": ")
            text.append(suppression.reason)
        } else if let expired = finding.expiredSuppression, let date = expired.expires {
            text.append("\n    the suppression at ")
            appendLocation(expired.location, to: &text)
            text.append(" expired on ")
            text.append(date.description)
            text.append(" and no longer applies: ")
            text.append(expired.reason)
        }
    }

    /// `file:line:column`.
    private func appendLocation(_ location: FileLocation, to text: inout ReportText) {
        text.append(location.file)
        text.append(byte: UInt8(ascii: ":"))
        text.append(location.position.line)
        text.append(byte: UInt8(ascii: ":"))
        text.append(location.position.column)
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

    private func appendPainted(_ word: String, _ style: Style, to text: inout ReportText) {
        text.append(paint(word, style))
    }
}
