/// Applies a template's suppressions to its findings and reports problems with the suppressions themselves.
///
/// Matching, as cdk-nag does it: an entry covers findings of its rule on its resource (or, at template
/// level, on every resource). Without `applies_to` it covers every finding of the rule; with `applies_to`,
/// only granular findings whose id matches an item (a non-granular finding is not covered, as in cdk-nag), in
/// nag's rendering or, for a value from another stack, cdk-nag 2's (``FindingIdRenderings``). Unknowns are
/// covered by an entry for their rule without `applies_to`, or by `CdkNagValidationFailure` whose `applies_to`
/// names the rule. A suppression without a valid reason never silences an error-level finding.
///
/// Entries for other tools' rules (``RuleOwnership``) never match and are neither unknown nor unused (their
/// reason must still be long enough, as cdk-nag 2 requires of every entry), and copies CDK made across a
/// construct subtree are judged as one suppression (``SuppressionCopies``).
public struct Suppressor: Sendable {
    /// Every rule id of every pack nag knows (built-in and custom).
    public var knownRuleIds: Set<String>
    /// The rules evaluated in this run: only their suppressions can be judged unused.
    public var evaluatedRuleIds: Set<String>
    /// The selected `Nag` pack rules, by the problem each reports, at this run's level; absent ones are not reported.
    public var auditRules: [SuppressionProblem.Kind: (rule: Rule, level: RuleLevel)]
    /// The day expiry is judged on: a suppression whose `expires` is before it no longer suppresses.
    public var today: CalendarDate
    let ownership: RuleOwnership

    /// The suppression stage of a run that evaluated `ruleSet`; `knownRuleIds` tells a misspelt id from a
    /// rule of a pack that was not selected.
    public init(ruleSet: RuleSet, knownRuleIds: Set<String>, today: CalendarDate = .systemToday) {
        self.knownRuleIds = knownRuleIds
        self.today = today
        self.evaluatedRuleIds = ruleSet.ruleIds
        var auditRules: [SuppressionProblem.Kind: (rule: Rule, level: RuleLevel)] = [:]
        for rule in ruleSet.auditRules {
            if let audit = rule.audit { auditRules[audit.problem] = (rule, ruleSet.level(of: rule)) }
        }
        self.auditRules = auditRules
        self.ownership = RuleOwnership(knownRuleIds: knownRuleIds)
    }

    /// The evaluation with its template's suppressions applied and the suppression problems added, in report order.
    public func apply(to evaluation: TemplateEvaluation, renderings: FindingIdRenderings = FindingIdRenderings()) -> TemplateEvaluation {
        var result = evaluation
        result.findings = apply(to: evaluation.findings, in: evaluation.template, renderings: renderings)
        result.findings.sortInReportOrder()
        return result
    }

    /// The findings with suppressions applied, followed by findings about the suppressions.
    public func apply(to findings: [Finding], in template: Template, renderings: FindingIdRenderings = FindingIdRenderings()) -> [Finding] {
        let (suppressions, readProblems) = SuppressionReader.read(template)
        // Another tool's entries never match nag's findings; like cdk-nag 2, nag still wants them well formed.
        let owned = suppressions.map(ownership.owns)
        var byOwner: [String: [Int]] = [:]
        var templateWide: [Int] = []
        for (index, suppression) in suppressions.enumerated() where owned[index] {
            if let owner = suppression.owner { byOwner[owner, default: []].append(index) } else { templateWide.append(index) }
        }
        var used = Array(repeating: false, count: suppressions.count)
        var result: [Finding] = []
        result.reserveCapacity(findings.count)
        for var finding in findings {
            let candidates = byOwner[finding.resource.logicalId, default: []] + templateWide
            // The other rendering of the finding id is worked out only for a suppression that names finding ids:
            // a run's renderings can be many (every export of every stack), and most findings meet none.
            var alternate: String??
            for index in candidates {
                let suppression = suppressions[index]
                let covered = covers(suppression, finding) {
                    if let alternate { return alternate }
                    let rendered = renderings.isEmpty ? nil : finding.findingId.flatMap(renderings.alternate(of:))
                    alternate = .some(rendered)
                    return rendered
                }
                guard covered else { continue }
                // Refused for want of a reason (Nag-SUP1 says so), but not stale: not reported as unused.
                used[index] = true
                if finding.level == .error && !suppression.hasValidReason { continue }
                let applied = AppliedSuppression(
                    reason: suppression.reason ?? "", location: template.location(suppression.position), scope: suppression.scope,
                    isGranular: suppression.appliesTo != nil, expires: suppression.expires)
                if let expires = suppression.expires, expires < today {
                    // Past its date: kept on the finding so reports can say which suppression lapsed.
                    if finding.expiredSuppression == nil { finding.expiredSuppression = applied }
                    continue
                }
                finding.suppression = applied
                break
            }
            result.append(finding)
        }
        var problems = readProblems
        let copies = SuppressionCopies(suppressions, in: template)
        for (index, suppression) in suppressions.enumerated() where copies.leader[index] == index {
            let group = copies.members[index] ?? [index]
            let scope = copies.subtree[index].map { "on the \(group.count) resources under \($0) it is copied to" }
                ?? suppression.owner.map { "on \($0)" } ?? "at template level"
            if !suppression.hasValidReason {
                let what = suppression.reason == nil ? "has no reason" : "has a reason shorter than \(Suppression.minimumReasonLength) characters"
                let copied = copies.subtree[index] == nil ? "" : " (\(scope))"
                problems.append((SuppressionProblem(kind: .shortReason, message: "suppression of \(suppression.ruleId) \(what)\(copied)", position: suppression.position), suppression.owner))
            }
            guard owned[index] else { continue }
            if let expires = suppression.expires, let problem = expiryProblem(suppression.ruleId, expires: expires, scope: scope, at: suppression.position) {
                problems.append((problem, suppression.owner))
            }
            if let problem = unknownRuleProblem(suppression) {
                problems.append((problem, suppression.owner))
            } else if !group.contains(where: { used[$0] }) && isJudgeable(suppression) {
                let detail = suppression.appliesTo.map { " (applies_to: \($0.map(\.text).joined(separator: ", ")))" } ?? ""
                problems.append((SuppressionProblem(kind: .unused, message: "suppression of \(suppression.ruleId)\(detail) \(scope) suppressed nothing", position: suppression.position), suppression.owner))
            }
        }
        for (problem, owner) in problems {
            guard let (rule, level) = auditRules[problem.kind] else { continue }
            let resource = owner.flatMap(template.resource(named:)).map(ResourceSummary.init)
                ?? ResourceSummary(logicalId: "Metadata", type: "AWS::CloudFormation::Template")
            result.append(Finding(ruleId: rule.id.description, level: level, kind: .violation, message: rule.cause, detail: problem.message,
                                  resource: resource, location: template.location(problem.position)))
        }
        return result
    }

    /// `alternate`: the other rendering of the finding's id (``FindingIdRenderings``), asked for only when needed.
    private func covers(_ suppression: Suppression, _ finding: Finding, alternate: () -> String?) -> Bool {
        if suppression.ruleId == Suppression.validationFailureId {
            guard finding.kind == .unknown else { return false }
            return suppression.appliesTo?.contains { $0.matches(finding.ruleId) } ?? true
        }
        guard suppression.ruleId == finding.ruleId else { return false }
        guard let patterns = suppression.appliesTo else { return true }
        // As cdk-nag's `doesApply`: an entry with applies_to covers only granular findings it names, never
        // a non-granular finding or an unknown of the rule.
        guard finding.kind == .violation, let findingId = finding.findingId else { return false }
        return patterns.contains { $0.matches(findingId) || alternate().map($0.matches) == true }
    }

    /// Nag-SUP5's problem for a suppression that still suppresses but stops within ``Suppression/expiryWarningDays``.
    private func expiryProblem(_ ruleId: String, expires: CalendarDate, scope: String, at position: Position) -> SuppressionProblem? {
        let left = today.days(until: expires)
        guard left >= 0, left <= Suppression.expiryWarningDays else { return nil }
        let when = left == 0 ? "today is its last day" : "\(left) day\(left == 1 ? "" : "s") left"
        return SuppressionProblem(kind: .expiring, message: "suppression of \(ruleId) \(scope) expires on \(expires) (\(when))", position: position)
    }

    private func unknownRuleProblem(_ suppression: Suppression) -> SuppressionProblem? {
        let id = suppression.ruleId
        if id == Suppression.validationFailureId || knownRuleIds.contains(id) {
            return nil
        }
        return SuppressionProblem(kind: .unknownRule, message: "suppression names \(id), which is not a rule nag knows", position: suppression.position)
    }

    private func isJudgeable(_ suppression: Suppression) -> Bool {
        if suppression.ruleId == Suppression.validationFailureId {
            return suppression.appliesTo?.allSatisfy { pattern in
                if case .exact(let id) = pattern.matcher { return evaluatedRuleIds.contains(id) }
                return false
            } ?? false
        }
        return evaluatedRuleIds.contains(suppression.ruleId)
    }
}
