import Testing
@testable import NagRules

/// Every built-in check's examples, run once per check (whichever packs publish it) through the same
/// ``ExampleRunner`` that `nag test-rules` uses: compliant examples give no finding, non-compliant ones give
/// findings exactly at their `↓` markers, unknown ones an unknown at the marker.
@Suite struct RuleExampleTests {
    /// The distinct checks of the built-in packs, by name.
    static let checks: [String: any Check] = Dictionary(
        BuiltInPacks.all.flatMap(\.rules).compactMap(\.check).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    static let checkNames: [String] = checks.keys.sorted()

    @Test(arguments: checkNames)
    func examples(check name: String) throws {
        let check = try #require(Self.checks[name])
        let results = ExampleRunner(markersRequired: true).run(check, location: FileLocation(file: "\(name).swift", line: 1, column: 1))
        #expect(!results.isEmpty)
        for result in results {
            #expect(result.passed, "\(result)")
        }
    }

    @Test func theRunnerJudgesFailingExamples() throws {
        let check = PlainTestCheck()
        let runner = ExampleRunner(markersRequired: true)
        let thing = "Resources:\n  A:\n    Type: Test::Thing\n    Properties: {Bad: true}\n"
        #expect(runner.failure(of: .compliant(thing), for: check)?.hasPrefix("expected no finding, got violations at 4:23") == true)
        #expect(runner.failure(of: .nonCompliant(thing), for: check) == "the example marks no place with ↓")
        #expect(ExampleRunner().failure(of: .nonCompliant(thing), for: check) == nil)
        let marked = "Resources:\n  A:\n    Type: Test::Thing\n    Properties: {Bad: ↓true}\n"
        #expect(runner.failure(of: .nonCompliant(marked), for: check) == nil)
        #expect(runner.failure(of: .nonCompliant(marked, findingIds: ["Action::*"]), for: check)
                == "expected the granular findings Action::*, got ")
        let shape = "Resources:\n  A:\n    Properties: {}\n"
        #expect(runner.failure(of: .compliant(shape), for: check)?.hasPrefix("the template has a problem: ") == true)
    }
}
