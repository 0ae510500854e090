import Foundation
import Testing

/// Options and inputs that used to run and change nothing now stop the run (exit 2) with a message.
@Suite struct SilentPassTests {
    @Test(arguments: [("AwsSolutions-S11=warning", "--level names AwsSolutions-S11, which is not a rule id (see `nag rules`)"),
                      ("awssolutions-s1=warning", "--level names awssolutions-s1, which is not a rule id (did you mean AwsSolutions-S1? ids are case-sensitive)")])
    func levelOfAnUnknownRuleIsAnError(level: String, message: String) throws {
        let result = try NagBinary.run(["--level", level, TestPaths.stack])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aFolderWithoutTemplatesIsAnError() throws {
        let scratch = try Scratch()
        _ = try scratch.write("README.md", "# not a template\n")
        let result = try NagBinary.run([scratch.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no CloudFormation template found in \(scratch.root.path)"))
        // A folder with a template is unaffected.
        _ = try scratch.write("t.yaml", Templates.clean)
        #expect(try NagBinary.run([scratch.root.path]).status == 0)
    }
}
