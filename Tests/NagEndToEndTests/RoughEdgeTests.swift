import Foundation
import Testing

/// What a new user hits first: piped input without `-`, a bad option of the default command, the CSV report of
/// several templates, and the pre-commit hook on a JSON file that is not a template.
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct RoughEdgeTests {
    @Test func pipedInputWithoutADashSaysSo() throws {
        let result = try NagBinary.run([], stdin: Templates.openBucket)
        #expect(result.status == 2)
        #expect(result.stderr == "nag: error: reading standard input needs -: cat template.yaml | nag -\n")
        #expect(result.stdout.isEmpty)
        let graph = try NagBinary.run(["graph"], stdin: Templates.openBucket)
        #expect(graph.status == 2)
        #expect(graph.stderr == "nag: error: reading standard input needs -: cat template.yaml | nag -\n")
    }

    @Test func aBadOptionOfTheDefaultCommandShowsItsUsage() throws {
        let result = try NagBinary.run(["--pack", "Foo", TestPaths.stack])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: unknown pack Foo (available: "), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: nag check [<options>] [<path> ...]\n  See 'nag check --help' for more information.\n"))
        #expect(!result.stderr.contains("nag <subcommand>"))
    }

    @Test func csvOfSeveralTemplatesAddsAFileColumn() throws {
        let scratch = try Scratch()
        try scratch.write("a.yaml", Templates.openBucket)
        try scratch.write("b.yaml", Templates.openBucket)
        let one = try NagBinary.run(["--format", "csv", "--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10", "a.yaml"], in: scratch.root)
        #expect(one.stdout == """
        Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info
        "AwsSolutions-S1","Data","Non-Compliant","N/A","Error","The S3 bucket does not record server access logs."

        """)
        let two = try NagBinary.run(["--format", "csv", "--rule", "AwsSolutions-S1", "--skip-rule", "AwsSolutions-S10", "a.yaml", "b.yaml"], in: scratch.root)
        #expect(two.stdout == """
        Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info,File
        "AwsSolutions-S1","Data","Non-Compliant","N/A","Error","The S3 bucket does not record server access logs.","a.yaml"
        "AwsSolutions-S1","Data","Non-Compliant","N/A","Error","The S3 bucket does not record server access logs.","b.yaml"

        """)
    }

    @Test func thePreCommitHookSkipsNamedFilesThatAreNotTemplates() throws {
        let scratch = try Scratch()
        try scratch.write("template.yaml", Templates.clean)
        try scratch.write("config/settings.json", #"{"name": "app", "debug": false}"#)
        let hook = try PreCommitHookTests.hook("nag")
        #expect(hook.selects("config/settings.json"))
        let result = try NagBinary.run(hook.arguments + ["config/settings.json", "template.yaml"], in: scratch.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "config/settings.json: note: not a CloudFormation template, skipped (--skip-non-templates)\n")
        #expect(result.stdout == "nag: 0 errors, 0 warnings, 0 suppressed in 1 template\n")
        // Without the option a named file that is not a template is still an error.
        #expect(try NagBinary.run(["config/settings.json"], in: scratch.root).status == 2)
    }
}
