import ArgumentParser
import NagRules

/// `nag test-rules PATH...`: runs every custom rule's examples.
struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-rules",
        abstract: "Run the examples of custom rule packs as tests.",
        discussion: """
        A compliant example must give no finding; a nonCompliant one a violation, exactly at its ↓ markers when it \
        has any. Exit status: 0 when every example passes, 1 when one fails, 2 when a pack file is invalid.
        """)

    @Argument(help: ArgumentHelp("Pack files, or folders of .yaml/.yml packs.", valueName: "path"))
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print only failed examples and the summary.")
    var quiet = false

    func run() throws {
        let packs = try CustomRuleOptions.load(paths)
        let runner = ExampleRunner()
        var failed = 0
        var total = 0
        for pack in packs {
            for case let rule as CustomRule in pack.rules.compactMap(\.check) {
                for result in runner.run(rule, location: rule.location) {
                    total += 1
                    if !result.passed { failed += 1 }
                    if !quiet || !result.passed { print(result) }
                }
            }
        }
        let rules = packs.reduce(0) { $0 + $1.rules.count }
        print("\(total) examples of \(rules) rules in \(packs.count) packs: \(total - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(ExitStatus.findings) }
    }
}
