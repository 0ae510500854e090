/// The `Nag` pack (ours): problems with `cdk_nag` suppressions themselves. The suppression stage reports
/// them; the pack always runs unless its rules are skipped, and their levels can be changed like any rule's.
extension RulePack {
    public static let nag = RulePack("Nag", summary: "Problems with cdk_nag suppressions themselves.", [
        .audit("SUP1", .error, SuppressionAudit(.shortReason, CheckAbout(
            resourceTypes: [],
            cause: "A cdk_nag suppression has no reason, or one shorter than 10 characters.",
            explanation: "A suppression is an accepted exception; the reason is how a reviewer knows why it was accepted. A suppression without a real reason never silences an error-level finding.",
            fix: "Write why the finding is acceptable for this resource in the suppression's reason (at least 10 characters)."))),
        .audit("SUP2", .error, SuppressionAudit(.malformed, CheckAbout(
            resourceTypes: [],
            cause: "A cdk_nag suppression is malformed (no id, a bad applies_to entry, or a regex that does not compile).",
            explanation: "A malformed suppression suppresses nothing, so the findings it was meant to cover still fail the build, and the intent is lost.",
            fix: "Give each entry an id and a reason; write applies_to items as exact finding ids or {regex: \"/pattern/flags\"} with a valid pattern."))),
        .audit("SUP3", .warning, SuppressionAudit(.unknownRule, CheckAbout(
            resourceTypes: [],
            cause: "A cdk_nag suppression names a rule that does not exist.",
            explanation: "A misspelt rule id suppresses nothing; the finding it was meant to cover stays, or the suppression is stale.",
            fix: "Correct the id (see `nag rules`) or remove the suppression."))),
        .audit("SUP4", .warning, SuppressionAudit(.unused, CheckAbout(
            resourceTypes: [],
            cause: "A cdk_nag suppression suppressed nothing in this run.",
            explanation: "A suppression that matches no finding is stale: the resource was fixed or the rule changed. Left in place, it would silently hide a future regression.",
            fix: "Remove the suppression, or correct its applies_to so it names the finding it is meant for."))),
        .audit("SUP5", .warning, SuppressionAudit(.expiring, CheckAbout(
            resourceTypes: [],
            cause: "A cdk_nag suppression expires within 30 days.",
            explanation: "A suppression with an expires date stops suppressing the day after it; the findings it covers then fail the run again. This warning is the notice to fix the resource or renew the exception deliberately.",
            fix: "Fix what the suppressed rule reports, or move the expires date (YYYY-MM-DD) with a reason that still holds."))),
    ])
}
