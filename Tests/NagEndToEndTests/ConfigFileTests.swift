import Foundation
import Testing

/// `.nag.yaml`: defaults for a run, found in the working directory or a parent (or `--config`), overridden by
/// the command line, every key validated with a located error (exit 3), and printed by `nag config`.
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct ConfigFileTests {
    static let config = """
    paths: [infra]
    fail-on: warning
    levels:
      AwsSolutions-S10: warning
    exclude: ["**/vendor/**"]
    suppressions:
      - id: AwsSolutions-S1
        resources: Data
        templates: "infra/*.yaml"
        reason: Access logs are collected by the central account.
    """

    func project() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write(".nag.yaml", Self.config)
        try scratch.write("infra/app.yaml", Templates.openBucket)
        try scratch.write("infra/vendor/other.yaml", Templates.openBucket)
        try scratch.write("infra/tools/readme.txt", "not read\n")
        return scratch
    }

    @Test func theFileGivesPathsLevelsExclusionsAndSuppressions() throws {
        let scratch = try project()
        let result = try NagBinary.run(["--show-suppressed"], in: scratch.root)
        // S1 is suppressed by the configuration, S10 lowered to a warning, and fail-on warning fails on it.
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("infra/app.yaml:2:3: suppressed AwsSolutions-S1 Data"))
        #expect(result.stdout.contains("suppressed at .nag.yaml:7:5: Access logs are collected by the central account."))
        #expect(result.stdout.contains("infra/app.yaml:2:3: warning AwsSolutions-S10 Data"))
        #expect(!result.stdout.contains("vendor"), "excluded: \(result.stdout)")
        // An entry whose templates were checked but that covered nothing is reported where it is written.
        try scratch.write(".nag.yaml", Self.config + "\n  - id: AwsSolutions-S2\n    resources: Nothing*\n    reason: Nothing here is public, by design of the app.\n")
        let unused = try NagBinary.run(["--fail-on", "error"], in: scratch.root)
        #expect(unused.stdout.contains(".nag.yaml:11:5: warning Nag-SUP4 Configuration: A cdk_nag suppression suppressed nothing in this run.\n"
            + "    configuration suppression of AwsSolutions-S2 on Nothing* in ** suppressed nothing"), "\(unused.stdout)")
        try scratch.write(".nag.yaml", Self.config)
        // SARIF marks the suppression as written outside the template.
        let sarif = try NagBinary.run(["--format", "sarif"], in: scratch.root)
        #expect(sarif.stdout.contains(#""kind": "external""#), "\(sarif.stdout)")
        // The command line overrides the file.
        #expect(try NagBinary.run(["--fail-on", "error"], in: scratch.root).status == 0)
        #expect(try NagBinary.run(["--no-config", "infra/app.yaml"], in: scratch.root).stdout.contains("error AwsSolutions-S1"))
    }

    @Test func foundFromASubfolder() throws {
        let scratch = try project()
        let result = try NagBinary.run(["--fail-on", "none", "--format", "json"], in: scratch.url("infra/tools"))
        let files = ((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])?
            .compactMap { $0["file"] as? String }
        #expect(files == ["../../infra/app.yaml"], "\(result.stdout)\(result.stderr)")
    }

    @Test func nagConfigSaysWhereEachValueCameFrom() throws {
        let scratch = try project()
        let result = try NagBinary.run(["config", "--pack", "HIPAA.Security"], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# configuration file: .nag.yaml\n"))
        #expect(result.stdout.contains("paths: [infra]  # .nag.yaml:1:8\n"))
        #expect(result.stdout.contains("packs: [HIPAA.Security]  # command line\n"))
        #expect(result.stdout.contains("fail-on: warning  # .nag.yaml:2:10\n"))
        #expect(result.stdout.contains("unknown: warning  # default\n"))
        #expect(result.stdout.contains("  AwsSolutions-S10: warning  # .nag.yaml:4:21\n"))
        #expect(result.stdout.contains("  - AwsSolutions-S1 on Data in infra/*.yaml: Access logs are collected by the central account.  # .nag.yaml:7:5\n"))
    }

    @Test func aBadFileIsReportedWithExactLocations() throws {
        let scratch = try Scratch()
        try scratch.write("t.yaml", Templates.clean)
        try scratch.write("bad.yaml", """
        paths: t.yaml
        fail-on: sometimes
        colour: red
        rules:
          only: [AwsSolutions-]
          skipp: [x]
        suppressions:
          - id: AwsSolutions-S1
            reason: short
            expires: tomorrow
        """)
        let result = try NagBinary.run(["--config", "bad.yaml"], in: scratch.root)
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
        bad.yaml:2:10: error: fail-on must be error, warning, none, not sometimes
        bad.yaml:3:1: error: unknown key colour (known: paths, packs, fail-on, unknown, rules, levels, custom-rules, exclude, parameters, suppressions, baseline)
        bad.yaml:6:3: error: unknown key skipp in rules (known: only, skip)
        bad.yaml:9:13: error: reason must say why in at least 10 characters
        bad.yaml:10:14: error: expires must be a date written YYYY-MM-DD, not tomorrow

        """)
        // A rule id that does not exist, located where it is written.
        try scratch.write("ids.yaml", "levels:\n  AwsSolutions-S99: warning\n")
        let ids = try NagBinary.run(["--config", "ids.yaml", "t.yaml"], in: scratch.root)
        #expect(ids.status == 3)
        #expect(ids.stderr == "ids.yaml:2:21: error: levels names AwsSolutions-S99, which is not a rule id (see `nag rules`)\n")
    }

    @Test func parameterValuesPerTemplateGlob() throws {
        let scratch = try Scratch()
        try scratch.write("prod.yaml", Templates.parameterised)
        try scratch.write("dev.yaml", Templates.parameterised)
        try scratch.write(".nag.yaml", "parameters:\n  - templates: prod.yaml\n    values: {Logging: \"on\"}\n")
        let result = try NagBinary.run(["--format", "json", "prod.yaml", "dev.yaml"], in: scratch.root)
        let findings = ((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        let s1 = findings.filter { $0["rule"] as? String == "AwsSolutions-S1" }.compactMap { ($0["location"] as? [String: Any])?["file"] as? String }
        #expect(s1 == ["dev.yaml"], "prod.yaml has logging on, dev.yaml is undecided: \(result.stdout)")
    }
}
