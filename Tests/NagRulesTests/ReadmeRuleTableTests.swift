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

    @Test func awsSolutionsLevelsMatchCdkNag() {
        // cdk-nag's AwsSolutions pack: 131 rules once both parts are in, 17 warnings and 114 errors.
        let rules = AwsSolutionsPack.pack.rules.map(\.description)
        #expect(Set(rules.map(\.id)).count == rules.count, "duplicate rule ids")
        let warnings = Set(rules.filter { $0.level == .warning }.map(\.id))
        // The warnings of cdk-nag's src/packs/aws-solutions.ts; every other rule is an error.
        let cdkNagWarnings = Set<String>([
            "AwsSolutions-EB4", "AwsSolutions-DDB3", "AwsSolutions-TS3", "AwsSolutions-VPC3", "AwsSolutions-CFR1", "AwsSolutions-CFR2",
            "AwsSolutions-APIG3", "AwsSolutions-GL1", "AwsSolutions-GL3", "AwsSolutions-KDA3", "AwsSolutions-KDS3", "AwsSolutions-COG2",
            "AwsSolutions-MS4", "AwsSolutions-MS7", "AwsSolutions-MS8", "AwsSolutions-MS10", "AwsSolutions-CB5",
        ])
        #expect(warnings == cdkNagWarnings)
        #expect(rules.count == 131)
        #expect(warnings.count == 17)
    }
}
