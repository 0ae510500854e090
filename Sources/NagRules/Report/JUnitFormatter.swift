/// JUnit XML, for CI systems that show test results: one `<testsuite>` per file, one `<testcase>` per rule
/// and resource (`classname` the file, `name` "RuleId LogicalId").
///
/// - A check with unsuppressed findings has a `<failure>` (message the cause, type the level, the body
///   each finding's location and detail).
/// - A check whose findings are all suppressed is `<skipped>` with the suppression's reason; one whose open findings
///   the baseline accepted (`--baseline`) is `<skipped>` as accepted by the baseline.
/// - A check the resource passed is an empty test case.
/// - A file that could not be loaded (or has shape errors) has a `load` test case with an `<error>`.
public struct JUnitFormatter: ReportFormatter {
    public init() {}

    /// Two passes: the checks and counts of every suite first (the root element carries the totals, each suite
    /// its own), then the XML, written into the output as it is made.
    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        let order = RuleCheck.RuleOrder(report.rules)
        var suites: [Suite] = report.inputProblems.map { problem in
            Suite(name: problem.location.file, diagnostics: [problem], checks: [])
        }
        suites.reserveCapacity(suites.count + report.files.count)
        for file in report.files {
            suites.append(Suite(name: file.file, diagnostics: file.diagnostics,
                                checks: file.evaluation.map { RuleCheck.checks(of: $0, order: order) } ?? []))
        }
        let total = suites.reduce(into: Counts()) { $0.add($1.counts) }
        var text = ReportText()
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"nag\"")
        total.write(into: &text)
        text.append(">\n")
        for suite in suites {
            text.append("  <testsuite name=\"")
            text.appendXMLEscaped(suite.name)
            text.append("\"")
            suite.counts.write(into: &text)
            guard suite.counts.tests > 0 else {
                text.append("/>\n")
                continue
            }
            text.append(">\n")
            if !suite.diagnostics.isEmpty { writeLoadCase(file: suite.name, diagnostics: suite.diagnostics, into: &text) }
            for check in suite.checks {
                writeCase(check, file: suite.name, into: &text)
                text.flushIfFull(to: &output)
            }
            text.append("  </testsuite>\n")
        }
        text.append("</testsuites>\n")
        text.flush(to: &output)
    }

    private struct Counts {
        var tests = 0, failures = 0, errors = 0, skipped = 0

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }

        mutating func add(_ status: Status) {
            tests += 1
            switch status {
            case .passed: break
            case .failed: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }

        /// ` tests="…" failures="…" errors="…" skipped="…"`.
        func write(into text: inout ReportText) {
            text.append(" tests=\"")
            text.append(tests)
            text.append("\" failures=\"")
            text.append(failures)
            text.append("\" errors=\"")
            text.append(errors)
            text.append("\" skipped=\"")
            text.append(skipped)
            text.append("\"")
        }
    }

    private enum Status { case passed, failed, error, skipped }

    /// One `<testsuite>`: a file (or an input that could not be read), its load case when it has diagnostics,
    /// and its checks.
    private struct Suite {
        var name: String
        var diagnostics: [LoadDiagnostic]
        var checks: [RuleCheck]
        var counts = Counts()

        init(name: String, diagnostics: [LoadDiagnostic], checks: [RuleCheck]) {
            self.name = name
            self.diagnostics = diagnostics
            self.checks = checks
            if !diagnostics.isEmpty { counts.add(JUnitFormatter.loadStatus(diagnostics)) }
            for check in checks { counts.add(JUnitFormatter.status(of: check)) }
        }
    }

    /// Failed with an open finding (neither suppressed nor baselined), skipped with findings all suppressed or
    /// baselined, passed without findings.
    private static func status(of check: RuleCheck) -> Status {
        if check.findings.isEmpty { return .passed }
        return check.findings.contains { !$0.isSuppressed && !$0.baselined } ? .failed : .skipped
    }

    private static func loadStatus(_ diagnostics: [LoadDiagnostic]) -> Status {
        diagnostics.contains { $0.severity == .error } ? .error : .passed
    }

    /// `    <testcase classname="FILE" name="RULE RESOURCE"` (the element left open).
    private func writeOpen(file: String, name: String, resource: String? = nil, into text: inout ReportText) {
        text.append("    <testcase classname=\"")
        text.appendXMLEscaped(file)
        text.append("\" name=\"")
        text.appendXMLEscaped(name)
        if let resource {
            text.append(byte: UInt8(ascii: " "))
            text.appendXMLEscaped(resource)
        }
        text.append("\"")
    }

    private func writeCase(_ check: RuleCheck, file: String, into text: inout ReportText) {
        writeOpen(file: file, name: check.ruleId, resource: check.resource.logicalId, into: &text)
        if let first = check.findings.first(where: { !$0.isSuppressed && !$0.baselined }) {
            let level = check.findings.contains { !$0.isSuppressed && !$0.baselined && $0.level == .error } ? RuleLevel.error : first.level
            text.append(">\n      <failure message=\"")
            text.appendXMLEscaped(first.message)
            text.append("\" type=\"")
            text.append(level.rawValue)
            text.append("\">")
            for (index, finding) in check.findings.enumerated() {
                if index > 0 { text.append(byte: UInt8(ascii: "\n")) }
                describe(finding, into: &text)
            }
            text.append("</failure>\n    </testcase>\n")
        } else if let suppressed = check.findings.first?.suppression {
            text.append(">\n      <skipped message=\"suppressed: ")
            text.appendXMLEscaped(suppressed.reason)
            text.append("\"/>\n    </testcase>\n")
        } else if check.findings.contains(where: \.baselined) {
            text.append(">\n      <skipped message=\"accepted by the baseline\"/>\n    </testcase>\n")
        } else {
            text.append("/>\n")
        }
    }

    /// `LOCATION: LEVEL RULE RESOURCE: MESSAGE`, then the detail and the suppression on lines of their own;
    /// escaped as element text.
    private func describe(_ finding: Finding, into text: inout ReportText) {
        writeLocation(finding.location, into: &text)
        text.append(": ")
        text.append(finding.isSuppressed ? "suppressed" : finding.level.rawValue)
        text.append(byte: UInt8(ascii: " "))
        text.appendXMLEscaped(finding.ruleId, attribute: false)
        if let findingId = finding.findingId {
            text.append(byte: UInt8(ascii: "["))
            text.appendXMLEscaped(findingId, attribute: false)
            text.append(byte: UInt8(ascii: "]"))
        }
        text.append(byte: UInt8(ascii: " "))
        text.appendXMLEscaped(finding.resource.logicalId, attribute: false)
        if let path = finding.resource.cdkPath {
            text.append(" (")
            text.appendXMLEscaped(path, attribute: false)
            text.append(byte: UInt8(ascii: ")"))
        }
        text.append(": ")
        text.appendXMLEscaped(finding.message, attribute: false)
        if let detail = finding.detail {
            text.append("\n  ")
            text.appendXMLEscaped(detail, attribute: false)
        }
        if let suppression = finding.suppression {
            text.append("\n  suppressed at ")
            writeLocation(suppression.location, into: &text)
            text.append(": ")
            text.appendXMLEscaped(suppression.reason, attribute: false)
        }
    }

    /// `file:line:col`, as ``FileLocation/description`` prints it, escaped as element text.
    private func writeLocation(_ location: FileLocation, into text: inout ReportText) {
        text.appendXMLEscaped(location.file, attribute: false)
        text.append(byte: UInt8(ascii: ":"))
        text.append(location.line)
        text.append(byte: UInt8(ascii: ":"))
        text.append(location.column)
    }

    private func writeLoadCase(file: String, diagnostics: [LoadDiagnostic], into text: inout ReportText) {
        writeOpen(file: file, name: "load", into: &text)
        let body = diagnostics.map(\.description).joined(separator: "\n")
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            text.append(">\n      <error message=\"")
            text.appendXMLEscaped(error.message)
            text.append("\" type=\"load\">")
            text.appendXMLEscaped(body, attribute: false)
            text.append("</error>\n    </testcase>\n")
        } else {
            text.append(">\n      <system-out>")
            text.appendXMLEscaped(body, attribute: false)
            text.append("</system-out>\n    </testcase>\n")
        }
    }
}

/// XML 1.0 text and attribute escaping (attributes are always written in double quotes).
enum XML {
    /// Escapes markup characters and replaces characters XML 1.0 cannot carry with U+FFFD. In attribute
    /// values, line breaks and tabs are written as character references so parsers keep them.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ReportText()
        out.appendXMLEscaped(text, attribute: attribute)
        return out.string
    }
}
