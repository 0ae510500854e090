import Testing
@testable import NagRules

/// Builds one-rule packs from a condition written in YAML, and checks templates against them with the same
/// runner `nag test-rules` uses (so `↓` marks where findings must be).
enum CustomRuleTestSupport {
    /// A pack `T` with one rule `T-R1` on `types`; `body` holds the rule's `assert` (and `when`, `unresolved` …)
    /// lines, indented as rule keys (4 spaces).
    static func rule(_ body: String, types: String = "AWS::ECS::TaskDefinition") throws -> CustomRule {
        let text = """
        pack: T
        rules:
          - id: T-R1
            resourceTypes: [\(types)]
            cause: c
            explanation: e
            fix: f
        \(body)
        """
        let result = CustomPackLoader().parse(bytes: Array(text.utf8), file: "t.yaml")
        switch result {
        case .success(let loaded):
            return try #require(loaded.pack.rules.first?.check as? CustomRule)
        case .failure(let errors):
            Issue.record("the pack does not load: \(errors)")
            throw errors
        }
    }

    /// Why `template` does not behave as `expectation` says for `rule` (nil when it does).
    static func failure(_ expectation: RuleExample.Expectation, _ template: String, _ rule: CustomRule,
                        parameters: [String: String] = [:]) -> String? {
        ExampleRunner().failure(of: RuleExample(expectation, template, parameters: parameters), for: rule)
    }

    /// The violations' details for `template`.
    static func details(_ template: String, _ rule: CustomRule) throws -> [String] {
        let loaded = try TemplateLoader().load(bytes: Array(template.utf8), file: "t.yaml")
        return ExampleRunner.findings(of: rule, in: loaded).compactMap(\.detail)
    }

    /// The errors a pack file gives, as `line:col: message`.
    static func errors(_ text: String, file: String = "t.yaml") -> [String] {
        switch CustomPackLoader().parse(bytes: Array(text.utf8), file: file) {
        case .success: return []
        case .failure(let errors): return errors.diagnostics.map { "\($0.location.position): \($0.message)" }
        }
    }
}
