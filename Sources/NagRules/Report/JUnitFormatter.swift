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

    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        output.write(text(of: report))
    }

    private func text(of report: RunReport) -> String {
        var suites: [Suite] = []
        for problem in report.inputProblems {
            var suite = Suite(name: problem.location.file)
            suite.add(loadCase(file: problem.location.file, diagnostics: [problem]))
            suites.append(suite)
        }
        for file in report.files {
            var suite = Suite(name: file.file)
            if !file.diagnostics.isEmpty {
                suite.add(loadCase(file: file.file, diagnostics: file.diagnostics))
            }
            if let evaluation = file.evaluation {
                for check in RuleCheck.checks(of: evaluation, rules: report.rules) {
                    suite.add(testCase(check, file: file.file))
                }
            }
            suites.append(suite)
        }
        let total = suites.reduce(into: Counts()) { $0.add($1.counts) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"nag\"\(total.attributes)>\n"
        for suite in suites {
            xml += "  <testsuite name=\"\(XML.escape(suite.name))\"\(suite.counts.attributes)"
            if suite.cases.isEmpty {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            for testCase in suite.cases { xml += testCase.xml }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    private struct Counts {
        var tests = 0, failures = 0, errors = 0, skipped = 0

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }

        var attributes: String {
            " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        }
    }

    private enum Status { case passed, failed, error, skipped }

    private struct Case {
        var status: Status
        var xml: String
    }

    private struct Suite {
        var name: String
        var cases: [Case] = []
        var counts = Counts()

        mutating func add(_ testCase: Case) {
            cases.append(testCase)
            counts.tests += 1
            switch testCase.status {
            case .passed: break
            case .failed: counts.failures += 1
            case .error: counts.errors += 1
            case .skipped: counts.skipped += 1
            }
        }
    }

    private func open(file: String, name: String) -> String {
        "    <testcase classname=\"\(XML.escape(file))\" name=\"\(XML.escape(name))\""
    }

    private func testCase(_ check: RuleCheck, file: String) -> Case {
        let head = open(file: file, name: "\(check.ruleId) \(check.resource.logicalId)")
        let open = check.findings.filter { !$0.isSuppressed && !$0.baselined }
        if let first = open.first {
            let level = open.contains { $0.level == .error } ? RuleLevel.error : first.level
            let body = check.findings.map(describe).joined(separator: "\n")
            return Case(status: .failed, xml: head + ">\n"
                + "      <failure message=\"\(XML.escape(first.message))\" type=\"\(level.rawValue)\">\(XML.escape(body, attribute: false))</failure>\n"
                + "    </testcase>\n")
        }
        if let suppressed = check.findings.first?.suppression {
            return Case(status: .skipped, xml: head + ">\n"
                + "      <skipped message=\"\(XML.escape("suppressed: " + suppressed.reason))\"/>\n"
                + "    </testcase>\n")
        }
        if check.findings.contains(where: \.baselined) {
            return Case(status: .skipped, xml: head + ">\n      <skipped message=\"accepted by the baseline\"/>\n    </testcase>\n")
        }
        return Case(status: .passed, xml: head + "/>\n")
    }

    private func describe(_ finding: Finding) -> String {
        var resource = finding.resource.logicalId
        if let path = finding.resource.cdkPath { resource += " (\(path))" }
        var text = "\(finding.location): \(finding.isSuppressed ? "suppressed" : finding.level.rawValue) "
            + "\(finding.qualifiedRuleId) \(resource): \(finding.message)"
        if let detail = finding.detail { text += "\n  \(detail)" }
        if let suppression = finding.suppression {
            text += "\n  suppressed at \(suppression.location): \(suppression.reason)"
        }
        return text
    }

    private func loadCase(file: String, diagnostics: [LoadDiagnostic]) -> Case {
        let head = open(file: file, name: "load")
        let body = diagnostics.map(\.description).joined(separator: "\n")
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            return Case(status: .error, xml: head + ">\n"
                + "      <error message=\"\(XML.escape(error.message))\" type=\"load\">\(XML.escape(body, attribute: false))</error>\n"
                + "    </testcase>\n")
        }
        return Case(status: .passed, xml: head + ">\n"
            + "      <system-out>\(XML.escape(body, attribute: false))</system-out>\n"
            + "    </testcase>\n")
    }
}

/// XML 1.0 text and attribute escaping (attributes are always written in double quotes).
enum XML {
    /// Escapes markup characters and replaces characters XML 1.0 cannot carry with U+FFFD. In attribute
    /// values, line breaks and tabs are written as character references so parsers keep them.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case let c where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF:
                out += "\u{FFFD}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
