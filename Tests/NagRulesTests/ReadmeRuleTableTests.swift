import Foundation
import Testing
@testable import NagRules

/// The README's rule table is generated from the rules; this fails when a rule changed and the table did not.
@Suite struct ReadmeRuleTableTests {
    @Test func readmeTableMatchesTheRules() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- rules:start -->\n"))
        let end = try #require(text.range(of: "<!-- rules:end -->"))
        let table = String(text[start.upperBound..<end.lowerBound])
        let expected = RuleCatalog.markdownTable(BuiltInPacks.all.flatMap(\.rules).map(\.description))
        #expect(table == expected, "README.md's rule table is out of date: run scripts/update-rule-table")
    }
}
