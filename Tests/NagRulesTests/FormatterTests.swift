import Foundation
import Testing
@testable import NagRules

/// Properties of each report format on a report with every kind of finding. Byte-for-byte output is
/// covered by the golden tests (NagEndToEndTests/GoldenTests).
@Suite struct FormatterTests {
    static let yaml = """
    Metadata:
      cdk_nag:
        rules_to_suppress:
          - {id: Nope-X1, reason: A rule that does not exist anywhere.}
    Resources:
      Role:
        Type: Test::Thing
        Metadata:
          aws:cdk:path: App/Role/Resource
          cdk_nag:
            rules_to_suppress:
              - id: Test-G1
                reason: Read-only access to "logs" & <metrics> is fine.
                applies_to: ['Action::s3:Get*']
        Properties:
          Findings: ['Action::s3:Get*', 'Resource::*']
          Bad: true
      Pending:
        Type: Test::Thing
        Properties: {Unknown: 1}
      Fine:
        Type: Test::Thing
        Properties: {}
    """

    static func report(_ yaml: String = FormatterTests.yaml, file: String = "stacks/app one.yaml",
                       extra: [TemplateSource] = [], inputProblems: [LoadDiagnostic] = []) throws -> RunReport {
        let linter = Linter(availablePacks: TestRules.packs, selection: RuleSelection(packNames: ["Test"]))
        return try linter.run([TemplateSource(name: file, bytes: Array(yaml.utf8))] + extra, inputProblems: inputProblems)
    }

    static let broken = TemplateSource(name: "broken.json", bytes: Array("{\"Resources\": ".utf8))
    static let missing = LoadDiagnostic("no such file or directory", at: FileLocation(file: "gone.yaml", line: 1, column: 1))

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: SARIF

    @Test(.enabled(if: Python.hasJSONSchema, "python3 with the jsonschema module is not installed: SARIF schema validation skipped"),
          .enabled(if: FileManager.default.fileExists(atPath: Python.sarifSchema), "no SARIF schema at ../shared/schemas (present in CI)"))
    func sarifIsValidAgainstTheSchema() throws {
        let text = SARIFFormatter().format(try Self.report(extra: [Self.broken], inputProblems: [Self.missing]))
        let result = try Python.validateSARIF(text)
        #expect(result.status == 0, "schema validation failed: \(result.output)")
        // A log without results or notifications is valid too.
        let empty = try Python.validateSARIF(SARIFFormatter().format(RunReport(files: [], rules: [])))
        #expect(empty.status == 0, "\(empty.output)")
    }

    @Test func sarifDescribesToolRulesAndResults() throws {
        let report = try Self.report()
        let root = try Self.json(SARIFFormatter().format(report))
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "nag")
        #expect(driver["version"] as? String == NagVersion.current)
        #expect(driver["informationUri"] == nil, "no project page to point at unless one is given")
        let withPage = try Self.json(SARIFFormatter(informationUri: "https://example.com/nag").format(report))
        let pageDriver = (((withPage["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(pageDriver?["informationUri"] as? String == "https://example.com/nag")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == report.rules.map(\.id))
        let g1 = rules[0]
        #expect((g1["shortDescription"] as? [String: Any])?["text"] as? String == "A granular test rule fired.")
        #expect((g1["fullDescription"] as? [String: Any])?["text"] as? String == "For tests.")
        #expect((g1["help"] as? [String: Any])?["text"] as? String == "Remove Findings.")
        #expect(((g1["help"] as? [String: Any])?["markdown"] as? String)?.contains("Remove Findings.") == true)
        #expect((g1["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for (result, finding) in zip(results, report.findings) {
            #expect(result["ruleId"] as? String == finding.ruleId)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == finding.ruleId)
            #expect(result["level"] as? String == finding.level.rawValue)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == "stacks/app%20one.yaml")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding.location.line)
            #expect(region["startColumn"] as? Int == finding.location.column)
            let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
            #expect(logical["name"] as? String == finding.resource.logicalId)
            #expect(logical["fullyQualifiedName"] as? String == finding.resource.cdkPath)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints["nag/v1"]?.count == 16)
        }
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func sarifMessageNamesTheGranularFindingAndDetail() throws {
        let report = try Self.report()
        let root = try Self.json(SARIFFormatter().format(report))
        let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let texts = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains("[Resource::*] A granular test rule fired. finding Resource::*"))
        #expect(texts.contains { $0.hasPrefix("could not be decided: ") })
    }

    @Test func sarifSuppressionsCarryTheJustification() throws {
        let report = try Self.report()
        let root = try Self.json(SARIFFormatter().format(report))
        let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == report.findings.filter(\.isSuppressed).count)
        #expect(suppressed.count == 1)
        let suppression = try #require((suppressed.first?["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "inSource")
        #expect(suppression["justification"] as? String == "Read-only access to \"logs\" & <metrics> is fine.")
        let region = (suppression["location"] as? [String: Any])
            .flatMap { $0["physicalLocation"] as? [String: Any] }.flatMap { $0["region"] as? [String: Any] }
        #expect(region?["startLine"] as? Int == 12)
    }

    @Test func sarifFingerprintsIgnoreLinesButNotIdentity() throws {
        func fingerprints(_ yaml: String, file: String = "a.yaml") throws -> [String: String] {
            let report = try Self.report(yaml, file: file)
            var byKey: [String: String] = [:]
            for finding in report.findings { byKey[finding.qualifiedRuleId + " " + finding.resource.logicalId] = SARIFFormatter.fingerprint(finding) }
            return byKey
        }
        let before = try fingerprints(Self.yaml)
        let moved = try fingerprints("Description: A new line at the top moves every finding.\n\n" + Self.yaml)
        #expect(before == moved)
        #expect(Set(before.values).count == before.count, "distinct findings have distinct fingerprints")
        let otherFile = try fingerprints(Self.yaml, file: "b.yaml")
        #expect(Set(otherFile.values).isDisjoint(with: Set(before.values)))
        // The hash is FNV-1a 64 (stable across runs and platforms).
        #expect(FNV1a.hex("") == "cbf29ce484222325")
        #expect(FNV1a.hex("a") == "af63dc4c8601ec8c")
    }

    @Test func sarifDuplicateFingerprintsAreNumbered() throws {
        let location = FileLocation(file: "a.yaml", line: 1, column: 1)
        let finding = Finding(ruleId: "Test-P1", level: .error, kind: .violation, message: "m",
                              resource: ResourceSummary(logicalId: "A", type: "T"), location: location)
        var second = finding
        second.location = FileLocation(file: "a.yaml", line: 9, column: 1)
        let template = try TestRules.template("Resources: {}")
        let report = RunReport(files: [.init(file: "a.yaml", evaluation: TemplateEvaluation(template: template, findings: [finding, second], compliant: []), diagnostics: [])], rules: [])
        let root = try Self.json(SARIFFormatter().format(report))
        let results = try #require((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let values = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["nag/v1"] }
        #expect(values.count == 2)
        #expect(values[1] == values[0] + ":1")
        #expect(results.allSatisfy { $0["ruleIndex"] == nil }, "no ruleIndex for a rule the log does not describe")
    }

    @Test func sarifLoadErrorsAreNotifications() throws {
        let report = try Self.report(extra: [Self.broken], inputProblems: [Self.missing])
        let root = try Self.json(SARIFFormatter().format(report))
        let invocation = try #require(((root["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 2)
        #expect(notifications.allSatisfy { $0["level"] as? String == "error" })
        let uris = notifications.compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { $0["artifactLocation"] as? [String: Any] }?["uri"] as? String
        }
        #expect(uris == ["gone.yaml", "broken.json"])
    }

    @Test func sarifURIs() {
        #expect(SARIFFormatter.uriPath("a/b c/ü#1.yaml") == "a/b%20c/%C3%BC%231.yaml")
        #expect(SARIFFormatter.uriPath("-") == "-")
    }

    // MARK: JUnit

    @Test func junitHasASuitePerFileAndACasePerRuleAndResource() throws {
        let report = try Self.report(extra: [Self.broken], inputProblems: [Self.missing])
        let xml = JUnitFormatter().format(report)
        if Python.available {
            let parsed = try Python.run("""
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            for s in root.iter('testsuite'):
                print('suite', s.get('name'), s.get('tests'), s.get('failures'), s.get('errors'), s.get('skipped'))
                for c in s.iter('testcase'):
                    kids = [k.tag + ':' + (k.get('message') or '') for k in c]
                    print(' case', c.get('classname'), '|', c.get('name'), '|', ' '.join(kids))
            print('total', root.get('tests'), root.get('failures'), root.get('errors'), root.get('skipped'))
            """, input: xml)
            #expect(parsed.status == 0, "not well-formed XML: \(parsed.output)")
            let lines = parsed.output.split(separator: "\n").map(String.init)
            #expect(lines.contains("suite gone.yaml 1 0 1 0"))
            #expect(lines.contains("suite stacks/app one.yaml 10 5 0 0"), "\(lines)")
            #expect(lines.contains("suite broken.json 1 0 1 0"))
            #expect(lines.contains(" case stacks/app one.yaml | Test-G1 Role | failure:A granular test rule fired."))
            #expect(lines.contains(" case stacks/app one.yaml | Test-P1 Fine | "))
            #expect(lines.contains(" case stacks/app one.yaml | Nag-SUP3 Metadata | failure:A cdk_nag suppression names a rule that does not exist."))
            #expect(lines.contains { $0.hasPrefix(" case stacks/app one.yaml | Test-P1 Pending | failure:could not be decided") })
            #expect(lines.last == "total 12 5 2 0")
        }
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"nag\""))
    }

    @Test func junitSkipsFullySuppressedChecksWithTheReason() throws {
        let yaml = """
        Resources:
          Role:
            Type: Test::Thing
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - {id: Test-P1, reason: "Accepted: <b>\\"quoted\\"</b> & more"}
            Properties: {Bad: true}
        """
        let xml = JUnitFormatter().format(try Self.report(yaml, file: "a.yaml"))
        #expect(xml.contains("""
            <testcase classname="a.yaml" name="Test-P1 Role">
              <skipped message="suppressed: Accepted: &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; more"/>
            </testcase>
        """))
        #expect(xml.contains("<testsuite name=\"a.yaml\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"1\">"))
    }

    @Test func junitFailureBodyListsEachFindingWithLocation() throws {
        let xml = JUnitFormatter().format(try Self.report(file: "a.yaml"))
        #expect(xml.contains("a.yaml:16:37: error Test-G1[Resource::*] Role (App/Role/Resource): A granular test rule fired.\n  finding Resource::*"))
        #expect(xml.contains("suppressed Test-G1[Action::s3:Get*] Role (App/Role/Resource): A granular test rule fired."))
        #expect(xml.contains("type=\"error\""))
    }

    @Test func xmlEscaping() {
        #expect(XML.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'")
        #expect(XML.escape("line\nnext\ttab") == "line&#10;next&#9;tab")
        #expect(XML.escape("line\nnext", attribute: false) == "line\nnext")
        #expect(XML.escape("bell\u{07}") == "bell\u{FFFD}")
    }

    // MARK: CSV

    @Test func csvHasCdkNagColumnsAndRows() throws {
        let csv = CSVFormatter().format(try Self.report(file: "a.yaml"))
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info")
        #expect(lines.last == "", "every line ends with a newline")
        let expected = [
            #""Test-G1[Action::s3:Get*]","App/Role/Resource","Suppressed","[Action::s3:Get*] Read-only access to ""logs"" & <metrics> is fine.","Error","A granular test rule fired.""#,
            #""Test-G1[Resource::*]","App/Role/Resource","Non-Compliant","N/A","Error","A granular test rule fired.""#,
            #""Test-P1","App/Role/Resource","Non-Compliant","N/A","Error","A plain test rule fired.""#,
            #""Test-W1","App/Role/Resource","Compliant","N/A","Warning","A warning test rule fired.""#,
            #""Test-G1","Pending","UNKNOWN","N/A","Error","A granular test rule fired.""#,
            #""Test-P1","Pending","UNKNOWN","N/A","Error","A plain test rule fired.""#,
            #""Test-W1","Pending","Compliant","N/A","Warning","A warning test rule fired.""#,
            #""Test-G1","Fine","Compliant","N/A","Error","A granular test rule fired.""#,
            #""Test-P1","Fine","Compliant","N/A","Error","A plain test rule fired.""#,
            #""Test-W1","Fine","Compliant","N/A","Warning","A warning test rule fired.""#,
            #""Nag-SUP3","Metadata","Non-Compliant","N/A","Warning","A cdk_nag suppression names a rule that does not exist.""#,
        ]
        #expect(Array(lines.dropFirst().dropLast()) == expected)
    }

    @Test func csvQuotingMatchesCdkNag() {
        // cdk-nag's NagReportLogger: '"' + field.replace(/"/g, '""') + '"', joined by ',', ended by '\n'.
        #expect(CSVFormatter.row(["a", "b,\"c\"", "line\nbreak", ""]) == "\"a\",\"b,\"\"c\"\"\",\"line\nbreak\",\"\"\n")
    }

    @Test func csvPlainSuppressionReasonHasNoFindingPrefix() throws {
        let yaml = """
        Resources:
          Role:
            Type: Test::Thing
            Metadata:
              cdk_nag:
                rules_to_suppress: [{id: Test-G1, reason: Every finding is accepted here.}]
            Properties: {Findings: [Action::x]}
        """
        let csv = CSVFormatter().format(try Self.report(yaml, file: "a.yaml"))
        #expect(csv.contains(#""Test-G1[Action::x]","Role","Suppressed","Every finding is accepted here.","Error""#))
    }

    @Test func csvSkipsFilesThatDidNotLoad() throws {
        let csv = CSVFormatter().format(try Self.report("Resources: {}", file: "a.yaml", extra: [Self.broken], inputProblems: [Self.missing]))
        #expect(csv == CSVFormatter.header + "\n")
    }

    // MARK: Every format

    @Test(arguments: ReportFormat.allCases)
    func everyFormatIsDeterministicAndEndsWithANewline(format: ReportFormat) throws {
        let formatter = MachineFormats.formatter(for: format)
        let first = formatter.format(try Self.report(extra: [Self.broken], inputProblems: [Self.missing]))
        let second = formatter.format(try Self.report(extra: [Self.broken], inputProblems: [Self.missing]))
        #expect(first == second)
        #expect(first.hasSuffix("\n"))
        #expect(!first.contains("\u{1B}["), "no colour codes")
    }

    @Test(arguments: [ReportFormat.json, .sarif, .junit, .csv])
    func suppressedFindingsAppearInEveryMachineFormat(format: ReportFormat) throws {
        let text = MachineFormats.formatter(for: format).format(try Self.report())
        let reason = switch format {
        case .junit: "Read-only access to &quot;logs&quot; &amp; &lt;metrics&gt; is fine."
        case .csv: "Read-only access to \"\"logs\"\" & <metrics> is fine."
        default: #"Read-only access to \"logs\" & <metrics> is fine."#
        }
        #expect(text.contains(reason), "\(format) lacks the suppression reason")
    }

    @Test func machineFormatsMapToTheirFormatters() {
        #expect(MachineFormats.formatter(for: .sarif) is SARIFFormatter)
        #expect(MachineFormats.formatter(for: .junit) is JUnitFormatter)
        #expect(MachineFormats.formatter(for: .csv) is CSVFormatter)
        #expect(MachineFormats.formatter(for: .json) is JSONFormatter)
        #expect(MachineFormats.formatter(for: .text) is TextFormatter)
    }

    // MARK: JSON

    @Test func jsonFollowsSchemaVersion1() throws {
        let report = try Self.report(extra: [Self.broken], inputProblems: [Self.missing])
        let root = try Self.json(JSONFormatter().format(report))
        #expect(root["version"] as? Int == 1)
        #expect(Array(root.keys).sorted() == ["files", "findings", "inputErrors", "staleBaselineEntries", "summary", "tool", "version"])
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "filesFailed": 2, "errors": 2, "warnings": 3, "unknown": 2, "suppressed": 1, "baselined": 0])
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        let suppressed = try #require(findings.first { $0["suppression"] is [String: Any] })
        #expect(suppressed["findingId"] as? String == "Action::s3:Get*")
        #expect((suppressed["suppression"] as? [String: Any])?["scope"] as? String == "resource")
        #expect((suppressed["resource"] as? [String: Any])?["cdkPath"] as? String == "App/Role/Resource")
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "check", "controls", "findingId", "level", "kind", "message", "detail", "scenario", "resource", "location",
                                          "suppression", "expiredSuppression", "baselined", "standing", "notFailingBecause"])
        }
    }
}

/// Runs python3 for checks Swift has no library for (JSON Schema validation, an XML parser).
enum Python {
    static let available: Bool = (try? run("import sys").status) == 0
    static let hasJSONSchema: Bool = (try? run("import jsonschema").status) == 0

    static let sarifSchema: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-2.1.0.json").path

    /// Validates a SARIF log against ../shared/schemas/sarif-2.1.0.json.
    static func validateSARIF(_ text: String) throws -> (status: Int32, output: String) {
        try run("""
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[2]))
        log = json.load(open(sys.argv[1]))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
        for e in errors[:10]:
            print('/'.join(map(str, e.path)), e.message[:300])
        sys.exit(1 if errors else 0)
        """, input: text, arguments: [sarifSchema])
    }

    /// Runs `script` with the path of a file holding `input` as its first argument.
    static func run(_ script: String, input: String = "", arguments: [String] = []) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nag-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("input")
        let outputFile = directory.appendingPathComponent("output")
        try Data(input.utf8).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, inputFile.path] + arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: outputFile), as: UTF8.self))
    }
}

/// Streaming a report writes the same text as rendering it whole.
@Suite struct StreamedJSONTests {
    static let items: [JSONNode] = [
        .object([("a", 1), ("b", .array(["x", "y"]))]),
        .string("quote \" and newline \n"),
        .object([]),
        .array([]),
    ]

    @Test(arguments: [0, 1, 4])
    func streamingEqualsRenderingTheWholeDocument(count: Int) {
        let items = Array(Self.items.prefix(count))
        for nesting in 0..<3 {
            var whole: JSONNode = .array(items)
            var envelope: JSONNode = JSONNode.streamedItems
            for level in 0..<nesting {
                whole = .object([("level\(level)", 1), ("items", whole), ("after", "z")])
                envelope = .object([("level\(level)", 1), ("items", envelope), ("after", "z")])
            }
            var streamed = ""
            envelope.write(streaming: items, to: &streamed)
            #expect(streamed == whole.rendered(), "count \(count), nesting \(nesting)")
        }
    }

    /// The marker is found by its bytes: text before it in other scripts, with combining marks and flags, and
    /// its own words elsewhere in the document, leave the output the same as rendering the whole document.
    @Test(arguments: ["café", "e\u{301}", "🇫🇷 ünïcödé", "nag:streamed-items", "\u{1}nag:streamed-items\u{1}x"])
    func streamingFindsTheMarkerAfterAnyText(text: String) {
        let whole: JSONNode = .object([(text, .string(text)), ("items", .array(Self.items)), ("after", .string(text))])
        let envelope: JSONNode = .object([(text, .string(text)), ("items", JSONNode.streamedItems), ("after", .string(text))])
        var streamed = ""
        envelope.write(streaming: Self.items, to: &streamed)
        #expect(streamed == whole.rendered())
    }
}
