#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Runs the built `nag` binary (`swift build` builds it before the tests run).
struct NagBinary {
    /// The package root, from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let path = TestPaths.nagBinary
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs nag with `arguments` in `directory` (the package root by default), standard input from `stdin`,
    /// and an environment without colour hints unless `environment` adds them.
    static func run(_ arguments: [String], stdin: String = "", in directory: URL = packageRoot,
                    environment: [String: String] = [:]) throws -> Result {
        let scratch = try Scratch()
        let input = scratch.url("stdin")
        try Data(stdin.utf8).write(to: input)
        let out = scratch.url("stdout"), err = scratch.url("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm-256color"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let inHandle = try FileHandle(forReadingFrom: input)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardInput = inHandle
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try inHandle.close(); try outHandle.close(); try errHandle.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A temporary directory, removed when the value is released.
final class Scratch {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nag-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

enum Templates {
    /// A resource type no rule reads, so the template stays clean as the packs grow.
    static let clean = """
    Resources:
      Handle:
        Type: AWS::CloudFormation::WaitConditionHandle
    """

    /// One bucket without access logs: AwsSolutions-S1 (error) and S10 (error) fire.
    static let openBucket = """
    Resources:
      Data:
        Type: AWS::S3::Bucket
    """

    /// S1 decided by a parameter without a default: undecided unless --parameters gives it.
    static let parameterised = """
    Parameters:
      Logging:
        Type: String
    Conditions:
      HasLogging: !Equals [!Ref Logging, "on"]
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Properties:
          LoggingConfiguration: !If [HasLogging, {DestinationBucketName: logs-bucket}, !Ref AWS::NoValue]
    """

    static let broken = "Resources: [\n"
}

@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct CLITests {
    static let s1 = ["--rule", "AwsSolutions-S1"]

    // MARK: Exit status

    @Test func cleanTemplateExitsZero() throws {
        let scratch = try Scratch()
        let file = try scratch.write("clean.yaml", Templates.clean)
        let result = try NagBinary.run([file])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("nag: 0 errors, 0 warnings, 0 suppressed in 1 template"))
    }

    @Test func findingsExitOne() throws {
        let scratch = try Scratch()
        let file = try scratch.write("open.yaml", Templates.openBucket)
        let result = try NagBinary.run(Self.s1 + [file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):2:3: error AwsSolutions-S1 Data: The S3 bucket does not record server access logs."))
        #expect(result.stdout.contains("error AwsSolutions-S10 Data"))
    }

    @Test func badFileAlongsideAGoodOneExitsTwoAndStillReportsTheGoodOne() throws {
        let scratch = try Scratch()
        let good = try scratch.write("a-good.yaml", Templates.openBucket)
        let bad = try scratch.write("b-bad.yaml", Templates.broken)
        let result = try NagBinary.run(Self.s1 + [bad, good])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(good):2:3: error AwsSolutions-S1 Data"))
        #expect(result.stdout.contains("\(bad):"))
        #expect(result.stdout.contains("in 1 template; 1 file could not be loaded"))
    }

    @Test func missingPathExitsTwo() throws {
        let scratch = try Scratch()
        let good = try scratch.write("clean.yaml", Templates.clean)
        let result = try NagBinary.run([good, scratch.url("nope.yaml").path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("nope.yaml:1:1: error: no such file or directory"))
    }

    @Test func invalidOptionsExitTwo() throws {
        let scratch = try Scratch()
        let file = try scratch.write("clean.yaml", Templates.clean)
        for arguments in [["--pack", "Nope", file], ["--rule", "Nope-", file], ["--fail-on", "sometimes", file],
                          ["--format", "xml", file], ["--parameters", "NoEquals", file], []] {
            let result = try NagBinary.run(arguments)
            #expect(result.status == 2, "nag \(arguments) exited \(result.status): \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
    }

    @Test func failOnWarningAndNone() throws {
        let scratch = try Scratch()
        let file = try scratch.write("p.yaml", Templates.parameterised)
        // S1 cannot decide: an unknown at warning level by default.
        let normal = try NagBinary.run(Self.s1 + ["--skip-rule", "AwsSolutions-S10", file])
        #expect(normal.status == 0, "\(normal.stdout)")
        #expect(normal.stdout.contains("warning AwsSolutions-S1 Data"))
        #expect(try NagBinary.run(Self.s1 + ["--skip-rule", "AwsSolutions-S10", "--fail-on", "warning", file]).status == 1)
        let open = try scratch.write("open.yaml", Templates.openBucket)
        #expect(try NagBinary.run(Self.s1 + ["--fail-on", "none", open]).status == 0)
        #expect(try NagBinary.run(Self.s1 + ["--fail-on", "error", open]).status == 1)
    }

    @Test func unknownLevelOption() throws {
        let scratch = try Scratch()
        let file = try scratch.write("p.yaml", Templates.parameterised)
        let asError = try NagBinary.run(["--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10", "--unknown", "error", file])
        #expect(asError.status == 1)
        #expect(asError.stdout.contains("error AwsSolutions-S1 Data"))
        let ignored = try NagBinary.run(["--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10", "--unknown", "ignore", "--fail-on", "warning", file])
        #expect(ignored.status == 0, "\(ignored.stdout)")
        #expect(!ignored.stdout.contains("AwsSolutions-S1"))
    }

    @Test func levelOverride() throws {
        let scratch = try Scratch()
        let file = try scratch.write("open.yaml", Templates.openBucket)
        let arguments = ["--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10"]
        let lowered = try NagBinary.run(arguments + ["--level", "AwsSolutions-S1=warning", file])
        #expect(lowered.status == 0)
        #expect(lowered.stdout.contains("warning AwsSolutions-S1 Data"))
        #expect(try NagBinary.run(arguments + ["--level", "AwsSolutions-S1=warning", "--fail-on", "warning", file]).status == 1)
        #expect(try NagBinary.run(arguments + ["--level", "AwsSolutions-S1=info", file]).status == 2)
    }

    // MARK: Inputs

    @Test func standardInput() throws {
        let result = try NagBinary.run(Self.s1 + ["-"], stdin: Templates.openBucket)
        #expect(result.status == 1)
        #expect(result.stdout.contains("-:2:3: error AwsSolutions-S1 Data"))
        let json = try NagBinary.run(Self.s1 + ["--format", "json", "-"], stdin: "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}}}")
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"file\": \"-\""))
    }

    @Test func standardInputIsReadUnderTheSizeLimit() throws {
        // Read in chunks and refused at the limit: an endless stream (`nag - < /dev/zero`) ends the same way.
        let big = String(repeating: "# padding\n", count: 20_000)
        let result = try NagBinary.run(["--max-file-size", "100000", "-"], stdin: big)
        #expect(result.status == 2)
        #expect(result.stdout.contains("-:1:1: error: standard input is over the limit of 100000 bytes (raise it with --max-file-size)"),
                "\(result.stdout)\(result.stderr)")
    }

    @Test func aFIFOInAFolderIsReportedAndTheRestScanned() throws {
        let scratch = try Scratch()
        let good = try scratch.write("good.yaml", Templates.openBucket)
        #expect(mkfifo(scratch.url("pipe.yaml").path, 0o600) == 0)
        let result = try NagBinary.run(Self.s1 + [scratch.root.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("pipe.yaml:1:1: error: is a named pipe (FIFO), not a regular file"), "\(result.stdout)")
        #expect(result.stdout.contains("\(good):2:3: error AwsSolutions-S1 Data"))
    }

    @Test func limitOptionsAreBounded() throws {
        let result = try NagBinary.run(["--max-depth", "1000000", "x.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-depth is at most 2048"))
    }

    @Test func parametersSettleUnknowns() throws {
        let scratch = try Scratch()
        let file = try scratch.write("p.yaml", Templates.parameterised)
        let arguments = Self.s1 + ["--skip-rule", "AwsSolutions-S10", "--fail-on", "warning"]
        let on = try NagBinary.run(arguments + ["--parameters", "Logging=on", file])
        #expect(on.status == 0, "\(on.stdout)")
        let off = try NagBinary.run(arguments + ["--parameters", "Logging=off", file])
        #expect(off.status == 1)
        #expect(off.stdout.contains("error AwsSolutions-S1 Data"))

        let list = try scratch.write("list.json", #"[{"ParameterKey": "Logging", "ParameterValue": "on"}]"#)
        #expect(try NagBinary.run(arguments + ["--parameters-file", list, file]).status == 0)
        let map = try scratch.write("map.json", #"{"Parameters": {"Logging": "off"}}"#)
        #expect(try NagBinary.run(arguments + ["--parameters-file", map, file]).status == 1)
        // --parameters wins over the file.
        #expect(try NagBinary.run(arguments + ["--parameters-file", map, "--parameters", "Logging=on", file]).status == 0)
        let bad = try scratch.write("bad.json", #"{"Nope": 1}"#)
        let badResult = try NagBinary.run(arguments + ["--parameters-file", bad, file])
        #expect(badResult.status == 2)
        #expect(badResult.stderr.contains("bad.json:1:1: error:"))
    }

    @Test func directoryScanIsRecursiveFiltersExtensionsAndIsSorted() throws {
        let scratch = try Scratch()
        try scratch.write("tree/b.yaml", Templates.openBucket)
        try scratch.write("tree/a.json", #"{"Resources": {"Data": {"Type": "AWS::S3::Bucket"}}}"#)
        try scratch.write("tree/sub/c.yml", Templates.openBucket)
        try scratch.write("tree/sub/deeper/d.template", Templates.openBucket)
        try scratch.write("tree/notes.txt", "not a template")
        try scratch.write("tree/README.md", "# not a template")
        try scratch.write("tree/node_modules/x.yaml", Templates.broken)
        try scratch.write("tree/.hidden/y.yaml", Templates.broken)
        let result = try NagBinary.run(["--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10", "--format", "csv", "tree"], in: scratch.root)
        #expect(result.status == 1, "\(result.stderr)")
        let json = try NagBinary.run(["--rule", "AwsSolutions-S1", "--format", "json", "tree"], in: scratch.root)
        let files = json.stdout.split(separator: "\n").filter { $0.contains("\"file\": ") && !$0.contains("location") }
        let names = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let listed = (names?["files"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(listed == ["tree/a.json", "tree/b.yaml", "tree/sub/c.yml", "tree/sub/deeper/d.template"], "\(files)")
        // The same run twice gives the same bytes (files are scanned concurrently).
        let again = try NagBinary.run(["--rule", "AwsSolutions-S1", "--format", "json", "tree"], in: scratch.root)
        #expect(again.stdout == json.stdout)
    }

    // MARK: Output

    @Test(arguments: ["text", "json", "sarif", "junit", "csv"])
    func everyFormat(format: String) throws {
        let scratch = try Scratch()
        let file = try scratch.write("open.yaml", Templates.openBucket)
        let result = try NagBinary.run(Self.s1 + ["--format", format, file])
        #expect(result.status == 1)
        let start: String = switch format {
        case "json": "{\n  \"version\": 1,"
        case "sarif": "{\n  \"$schema\": "
        case "junit": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"
        case "csv": "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info\n\"AwsSolutions-S1\",\"Data\",\"Non-Compliant\""
        default: "\(file):2:3: error AwsSolutions-S1 Data"
        }
        #expect(result.stdout.hasPrefix(start), "\(format): \(result.stdout.prefix(300))")
        #expect(result.stderr.isEmpty)
    }

    @Test func outputFile() throws {
        let scratch = try Scratch()
        let file = try scratch.write("open.yaml", Templates.openBucket)
        let report = scratch.url("out/report.sarif").path
        try FileManager.default.createDirectory(at: scratch.url("out"), withIntermediateDirectories: true)
        let result = try NagBinary.run(Self.s1 + ["--format", "sarif", "--output", report, file])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.contains("\"ruleId\": \"AwsSolutions-S1\""))
        let unwritable = try NagBinary.run(Self.s1 + ["--output", scratch.url("no/such/dir/r.txt").path, file])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write the report"))
    }

    @Test func quiet() throws {
        let scratch = try Scratch()
        let clean = try scratch.write("clean.yaml", Templates.clean)
        let quiet = try NagBinary.run(["--quiet", clean])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        let open = try scratch.write("open.yaml", Templates.openBucket)
        let findings = try NagBinary.run(Self.s1 + ["-q", open])
        #expect(findings.stdout.contains("AwsSolutions-S1"))
        #expect(!findings.stdout.contains("nag: "))
    }

    @Test func noColourWhenNotATerminalOrNoColorIsSet() throws {
        let scratch = try Scratch()
        let file = try scratch.write("open.yaml", Templates.openBucket)
        let piped = try NagBinary.run(Self.s1 + [file])
        #expect(!piped.stdout.contains("\u{1B}["))
        let noColor = try NagBinary.run(Self.s1 + [file], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(noColor.stdout == piped.stdout)
        #expect(try NagBinary.run(Self.s1 + ["--no-color", file]).stdout == piped.stdout)
    }

    @Test func showSuppressedAndIgnoreSuppressions() throws {
        let scratch = try Scratch()
        let file = try scratch.write("s.yaml", """
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - id: AwsSolutions-S1
                    reason: Access logs are collected by CloudTrail data events.
        """)
        let arguments = ["--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10"]
        let normal = try NagBinary.run(arguments + [file])
        #expect(normal.status == 0)
        #expect(normal.stdout.contains("1 suppressed"))
        #expect(!normal.stdout.contains("AwsSolutions-S1 Data"))
        let shown = try NagBinary.run(arguments + ["--show-suppressed", file])
        #expect(shown.stdout.contains("suppressed AwsSolutions-S1 Data"))
        #expect(shown.stdout.contains("Access logs are collected by CloudTrail data events."))
        let audit = try NagBinary.run(arguments + ["--ignore-suppressions", file])
        #expect(audit.status == 1)
        #expect(audit.stdout.contains("error AwsSolutions-S1 Data"))
        #expect(!audit.stdout.contains("Nag-SUP"))
    }

    // MARK: Subcommands

    @Test func rulesListsRules() throws {
        let result = try NagBinary.run(["rules"])
        #expect(result.status == 0)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("AwsSolutions-S1 ") })
        #expect(line.contains("error"))
        #expect(line.hasSuffix("The S3 bucket does not record server access logs."))
        #expect(result.stdout.contains("Nag-SUP4"))
        let nagOnly = try NagBinary.run(["rules", "--pack", "Nag"])
        #expect(nagOnly.stdout.hasPrefix("Nag-SUP1"))
        #expect(nagOnly.stdout.hasSuffix("\n5 rules: 2 errors, 3 warnings\n"))
        #expect(try NagBinary.run(["rules", "--pack", "Nope"]).status == 2)
    }

    @Test func rulesAsJSONListCdkNagsAwsSolutionsIdsAndLevels() throws {
        let result = try NagBinary.run(["rules", "--pack", "AwsSolutions", "--format", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let rules = try #require(document["rules"] as? [[String: Any]])
        let listed = rules.map { "\($0["id"] as? String ?? "?")\t\($0["level"] as? String ?? "?")" }.sorted()
        let fixture = try String(contentsOfFile: TestPaths.path("Tests/Fixtures/packs/AwsSolutions.tsv"), encoding: .utf8)
        #expect(listed == fixture.split(separator: "\n").map(String.init).sorted())
        let s10 = try #require(rules.first { $0["id"] as? String == "AwsSolutions-S10" })
        #expect(s10["pack"] as? String == "AwsSolutions")
        #expect(s10["check"] as? String == "S3BucketSSLRequestsOnly")
        #expect(s10["resourceTypes"] as? [String] == ["AWS::S3::Bucket", "AWS::S3::BucketPolicy"])
        #expect(s10["controls"] as? [String] == [])
        let audit = try NagBinary.run(["rules", "--pack", "Nag", "--format", "json"])
        let auditRules = try #require((try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(auditRules.count == 5)
        #expect(auditRules.allSatisfy { $0["check"] is NSNull })
        #expect(try NagBinary.run(["rules", "--format", "yaml"]).status == 2)
    }

    @Test func explainPrintsCauseFixAndSuppression() throws {
        let result = try NagBinary.run(["explain", "AwsSolutions-S1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("AwsSolutions-S1 (error)\nThe S3 bucket does not record server access logs.\n"))
        #expect(result.stdout.contains("Fix:\nSet LoggingConfiguration.DestinationBucketName"))
        #expect(result.stdout.contains("- id: AwsSolutions-S1"))
        #expect(try NagBinary.run(["explain", "awssolutions-s1"]).status == 0)
        let unknown = try NagBinary.run(["explain", "AwsSolutions-S"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean"))
    }

    @Test func version() throws {
        let result = try NagBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
