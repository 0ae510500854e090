import Foundation
import Testing

/// `nag baseline create`, `--baseline` and `nag baseline update`: accepted findings stop failing the run, and
/// stay accepted when lines move or the template is converted from YAML to JSON.
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct BaselineTests {
    static let yaml = """
    Resources:
      Data:
        Type: AWS::S3::Bucket
      Jobs:
        Type: AWS::SQS::Queue
    """

    static let json = #"{"Resources": {"Data": {"Type": "AWS::S3::Bucket"}, "Jobs": {"Type": "AWS::SQS::Queue"}}}"#

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aBaselineAcceptsTodaysFindingsOnly() throws {
        let scratch = try Scratch()
        try scratch.write("infra/app.yaml", Self.yaml)
        let create = try NagBinary.run(["baseline", "create", "infra/app.yaml", "--output", "nag-baseline.json"], in: scratch.root)
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout == "nag: wrote 4 findings to nag-baseline.json\n")
        let text = try String(contentsOf: scratch.url("nag-baseline.json"), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.contains("\"rule\"") }
        #expect(lines.count == 4)
        #expect(lines.map(String.init) == lines.map(String.init).sorted(), "sorted by template, resource, rule")
        #expect(lines.first?.hasPrefix(#"    {"template":"infra/app","resource":"Data","rule":"AwsSolutions-S1","read":"#) == true, "\(text)")
        // The same run twice writes the same bytes.
        _ = try NagBinary.run(["baseline", "create", "infra/app.yaml", "--output", "again.json"], in: scratch.root)
        #expect(try String(contentsOf: scratch.url("again.json"), encoding: .utf8) == text)

        let clean = try NagBinary.run(["infra/app.yaml", "--baseline", "nag-baseline.json"], in: scratch.root)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout == "nag: 0 errors, 0 warnings, 0 suppressed, 4 baselined in 1 template\n")

        // A new resource is reported; the accepted ones are not.
        try scratch.write("infra/app.yaml", Self.yaml + "\n  Logs:\n    Type: AWS::S3::Bucket\n")
        let added = try NagBinary.run(["infra/app.yaml", "--baseline", "nag-baseline.json"], in: scratch.root)
        #expect(added.status == 1)
        #expect(added.stdout.contains("infra/app.yaml:6:3: error AwsSolutions-S1 Logs:"))
        #expect(!added.stdout.contains(" Data:"))
    }

    @Test func theBaselineSurvivesInsertedLinesAndYAMLToJSON() throws {
        let scratch = try Scratch()
        try scratch.write("app.yaml", Self.yaml)
        _ = try NagBinary.run(["baseline", "create", "app.yaml", "--output", "base.json"], in: scratch.root)
        // Lines inserted above the resources move every finding.
        try scratch.write("app.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: >\n  The app's storage,\n  and its queue.\n" + Self.yaml)
        let moved = try NagBinary.run(["app.yaml", "--baseline", "base.json", "--format", "json"], in: scratch.root)
        #expect(moved.status == 0, "\(moved.stdout)")
        #expect((try json(moved.stdout)["summary"] as? [String: Any])?["baselined"] as? Int == 4)
        // The same template converted to JSON.
        try FileManager.default.removeItem(at: scratch.url("app.yaml"))
        try scratch.write("app.json", Self.json)
        let converted = try NagBinary.run(["app.json", "--baseline", "base.json", "--format", "sarif"], in: scratch.root)
        #expect(converted.status == 0, "\(converted.stdout)")
        let results = try #require(((try json(converted.stdout)["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0["baselineState"] as? String == "unchanged" })
        #expect(results.allSatisfy { ($0["properties"] as? [String: Any])?["notFailingBecause"] as? String == "accepted by the baseline" })
        // JUnit skips what the baseline accepted.
        let junit = try NagBinary.run(["app.json", "--baseline", "base.json", "--format", "junit"], in: scratch.root)
        #expect(junit.status == 0)
        #expect(!junit.stdout.contains("<failure"))
        #expect(junit.stdout.contains(#"<skipped message="accepted by the baseline"/>"#))
    }

    @Test func staleEntriesAreListedAndUpdateRemovesThem() throws {
        let scratch = try Scratch()
        try scratch.write("app.yaml", Self.yaml)
        _ = try NagBinary.run(["baseline", "create", "app.yaml"], in: scratch.root)
        // The queue is gone: its two entries no longer occur.
        try scratch.write("app.yaml", "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n")
        let run = try NagBinary.run(["app.yaml", "--baseline", "nag-baseline.json"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("baseline entries that no longer occur (remove them with `nag baseline update`):\n    app Jobs AwsSolutions-SQS3\n    app Jobs AwsSolutions-SQS4"), "\(run.stdout)")
        let json = try json(try NagBinary.run(["app.yaml", "--baseline", "nag-baseline.json", "--format", "json"], in: scratch.root).stdout)
        #expect((json["staleBaselineEntries"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } == ["AwsSolutions-SQS3", "AwsSolutions-SQS4"])

        let update = try NagBinary.run(["baseline", "update", "app.yaml"], in: scratch.root)
        #expect(update.stdout == "nag: removed 2 stale entries from nag-baseline.json; 2 remain\n", "\(update.stderr)")
        let after = try NagBinary.run(["app.yaml", "--baseline", "nag-baseline.json"], in: scratch.root)
        #expect(after.stdout == "nag: 0 errors, 0 warnings, 0 suppressed, 2 baselined in 1 template\n")
    }

    @Test func aDamagedBaselineIsALocatedError() throws {
        let scratch = try Scratch()
        try scratch.write("app.yaml", Self.yaml)
        try scratch.write("base.json", "{\n  \"version\": 1,\n  \"entries\": [\n    {\"rule\": \"AwsSolutions-S1\"}\n  ]\n}\n")
        let result = try NagBinary.run(["app.yaml", "--baseline", "base.json"], in: scratch.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("base.json:4:5: error: a baseline entry needs \"template\" (a string)"), "\(result.stderr)")
    }
}
