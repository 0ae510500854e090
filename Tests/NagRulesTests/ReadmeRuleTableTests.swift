import Foundation
import Testing
@testable import NagRules

/// The README's pack table and docs/rules.md are generated from the packs (`scripts/update-rule-table`);
/// these fail when a pack changed and the documents did not.
@Suite struct ReadmeRuleTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The text between `<!-- name:start -->` and `<!-- name:end -->`.
    static func block(_ name: String, in text: String) throws -> String {
        let start = try #require(text.range(of: "<!-- \(name):start -->\n"))
        let end = try #require(text.range(of: "<!-- \(name):end -->"))
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test func readmePackTableMatchesThePacks() throws {
        let table = try Self.block("packs", in: try Self.read("README.md"))
        let expected = RuleCatalog.packTable(BuiltInPacks.all, defaults: BuiltInPacks.defaultNames)
        #expect(table == expected, "README.md's pack table is out of date: run scripts/update-rule-table")
    }

    @Test func rulesDocumentMatchesThePacks() throws {
        let document = try Self.block("rules", in: try Self.read("docs/rules.md"))
        let expected = RuleCatalog.markdownDocument(BuiltInPacks.all)
        #expect(document == expected, "docs/rules.md is out of date: run scripts/update-rule-table")
    }
}
