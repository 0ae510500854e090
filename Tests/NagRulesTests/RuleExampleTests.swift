import Testing
@testable import NagRules

/// Every built-in rule's examples, run as tests: compliant examples give no finding, non-compliant ones give
/// findings exactly at their `↓` markers, unknown ones an unknown at the marker.
@Suite struct RuleExampleTests {
    static let rules: [any Rule] = BuiltInPacks.all
        .filter { $0.name != SuppressionRules.pack.name }
        .flatMap(\.rules)

    static let ruleIds: [String] = rules.map(\.description.id)

    @Test(arguments: ruleIds)
    func examples(ruleId: String) throws {
        let rule = try #require(Self.rules.first { $0.description.id == ruleId })
        let examples = rule.description.examples
        #expect(examples.contains { $0.expectation == .compliant }, "\(ruleId) needs a compliant example")
        #expect(examples.contains { $0.expectation == .nonCompliant }, "\(ruleId) needs a non-compliant example")
        for example in examples {
            try check(example, of: rule)
        }
    }

    private func check(_ example: RuleExample, of rule: any Rule) throws {
        let where_ = FileLocation(file: example.file, line: example.line, column: 1)
        let (text, markers) = example.markedTemplate
        let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "example.yaml")
        #expect(template.diagnostics.isEmpty, "example at \(where_) has shape problems: \(template.diagnostics)")
        let evaluator = Evaluator(
            ruleSet: RuleSet(rules: [rule]),
            options: EvaluationOptions(parameterValues: example.parameters, unknownLevel: .warning, ignoreSuppressions: true))
        let findings = evaluator.evaluate(template).findings
        let violations = findings.filter { $0.kind == .violation }
        let unknowns = findings.filter { $0.kind == .unknown }
        switch example.expectation {
        case .compliant:
            #expect(findings.isEmpty, "compliant example at \(where_) gave \(findings.map { "\($0.location.position) \($0.qualifiedRuleId) \($0.message)" })")
        case .nonCompliant:
            #expect(unknowns.isEmpty, "non-compliant example at \(where_) gave unknowns: \(unknowns.map(\.message))")
            #expect(!markers.isEmpty, "non-compliant example at \(where_) has no ↓ marker")
            #expect(Set(violations.map(\.location.position)) == Set(markers),
                    "example at \(where_): findings at \(violations.map(\.location.position)), markers at \(markers)")
            if !example.findingIds.isEmpty {
                #expect(violations.compactMap(\.findingId).sorted() == example.findingIds.sorted(),
                        "example at \(where_): finding ids \(violations.compactMap(\.findingId))")
            }
        case .unknown:
            #expect(violations.isEmpty, "unknown example at \(where_) gave violations at \(violations.map(\.location.position))")
            #expect(Set(unknowns.map(\.location.position)) == Set(markers),
                    "example at \(where_): unknowns at \(unknowns.map(\.location.position)), markers at \(markers)")
        }
    }
}
