/// The `Nag` pack: problems with suppressions themselves. It always runs (unless skipped) and its levels
/// can be changed like any rule's.
public enum SuppressionRules {
    public static let shortReason = SuppressionRule(description: RuleDescription(
        id: "Nag-SUP1", level: .error, resourceTypes: [],
        cause: "A cdk_nag suppression has no reason, or one shorter than 10 characters.",
        explanation: "A suppression is an accepted exception; the reason is how a reviewer knows why it was accepted. A suppression without a real reason never silences an error-level finding.",
        fix: "Write why the finding is acceptable for this resource in the suppression's reason (at least 10 characters)."))

    public static let malformed = SuppressionRule(description: RuleDescription(
        id: "Nag-SUP2", level: .error, resourceTypes: [],
        cause: "A cdk_nag suppression is malformed (no id, a bad applies_to entry, or a regex that does not compile).",
        explanation: "A malformed suppression suppresses nothing, so the findings it was meant to cover still fail the build, and the intent is lost.",
        fix: "Give each entry an id and a reason; write applies_to items as exact finding ids or {regex: \"/pattern/flags\"} with a valid pattern."))

    public static let unknownRule = SuppressionRule(description: RuleDescription(
        id: "Nag-SUP3", level: .warning, resourceTypes: [],
        cause: "A cdk_nag suppression names a rule that does not exist.",
        explanation: "A misspelt rule id suppresses nothing; the finding it was meant to cover stays, or the suppression is stale.",
        fix: "Correct the id (see `nag rules`) or remove the suppression."))

    public static let unused = SuppressionRule(description: RuleDescription(
        id: "Nag-SUP4", level: .warning, resourceTypes: [],
        cause: "A cdk_nag suppression suppressed nothing in this run.",
        explanation: "A suppression that matches no finding is stale: the resource was fixed or the rule changed. Left in place, it would silently hide a future regression.",
        fix: "Remove the suppression, or correct its applies_to so it names the finding it is meant for."))

    public static let all: [SuppressionRule] = [shortReason, malformed, unknownRule, unused]

    public static let pack = RulePack(
        name: "Nag", summary: "Problems with cdk_nag suppressions themselves.", rules: all)

    static func rule(for kind: SuppressionProblem.Kind) -> SuppressionRule {
        switch kind {
        case .shortReason: shortReason
        case .malformed: malformed
        case .unknownRule: unknownRule
        case .unused: unused
        }
    }
}

/// A rule about suppression metadata; it has no per-resource evaluation (the suppression stage decides).
public struct SuppressionRule: Rule {
    public let description: RuleDescription

    public func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome { .notApplicable }
}
