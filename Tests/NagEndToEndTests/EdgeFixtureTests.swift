import Foundation
import NagRules
import Testing

/// The Edge pack on JSON templates: the reference stack in long-form JSON, and one mutation per failure mode.
/// Each finding must point at the exact place the mutation wrote (located by searching the fixture's text).
@Suite struct EdgeFixtureTests {
    struct Case: Sendable, CustomStringConvertible {
        var fixture: String
        var rule: String
        var level: RuleLevel
        /// Text whose first character is where the finding must point (the n-th occurrence).
        var anchor: String
        var occurrence = 1
        var description: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "log1-kms-bucket", rule: "Edge-LOG1", level: .error, anchor: "\"aws:kms\""),
        Case(fixture: "alb1-keeps-invalid-headers", rule: "Edge-ALB1", level: .error, anchor: "\"false\"", occurrence: 3),
        Case(fixture: "cfr1-allow-all", rule: "Edge-CFR1", level: .error, anchor: "\"ViewerProtocolPolicy\": \"allow-all\""),
        Case(fixture: "origin1-default-forwards", rule: "Edge-ORIGIN1", level: .error, anchor: "\"Type\": \"forward\""),
        Case(fixture: "origin1-literal-secret", rule: "Edge-ORIGIN1", level: .warning, anchor: "\"not-so-secret\"", occurrence: 2),
    ]

    static func path(_ fixture: String) -> String { TestPaths.path("Tests/Fixtures/edge/\(fixture).json") }

    static func run(_ fixture: String) throws -> [Finding] {
        try Linter(selection: RuleSelection(packNames: ["Edge"])).run([.file(path(fixture))]).findings
    }

    /// The 1-based line and column where `anchor` starts.
    static func position(of anchor: String, occurrence: Int, in text: String) throws -> Position {
        var searchFrom = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            let range: Range<String.Index> = try #require(text[searchFrom...].firstRange(of: anchor), "\(anchor) not in fixture")
            found = range
            searchFrom = found!.upperBound
        }
        let prefix = text[..<found!.lowerBound]
        let line = prefix.filter { $0 == "\n" }.count + 1
        let column = prefix.distance(from: prefix.lastIndex(of: "\n").map(prefix.index(after:)) ?? prefix.startIndex, to: prefix.endIndex) + 1
        return Position(line: line, column: column)
    }

    @Test func theStackInJSONPassesEveryEdgeRule() throws {
        let report = try Linter(selection: RuleSelection(packNames: ["Edge"])).run([.file(Self.path("compliant"))])
        #expect(report.findings.isEmpty, "\(report.findings.map(\.qualifiedRuleId))")
        #expect(Set(report.compliant.map(\.check.ruleId)) == ["Edge-LOG1", "Edge-ALB1", "Edge-CFR1", "Edge-ORIGIN1"])
    }

    @Test(arguments: cases)
    func eachFailureModeIsFoundWhereItIsWritten(_ testCase: Case) throws {
        let findings = try Self.run(testCase.fixture)
        #expect(findings.map(\.ruleId) == [testCase.rule])
        let finding = try #require(findings.first)
        #expect(finding.level == testCase.level)
        let text = try String(contentsOfFile: Self.path(testCase.fixture), encoding: .utf8)
        #expect(finding.location.position == (try Self.position(of: testCase.anchor, occurrence: testCase.occurrence, in: text)))
    }
}
