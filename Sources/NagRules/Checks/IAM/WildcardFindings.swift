/// What IAM5 finds in part of a resource's policies: the granular findings that hold whatever the template
/// leaves undecided, and the first part that could not be decided (whose findings are not among them).
///
/// Parts are read one by one and merged; where the template cannot say which of two values is deployed (an
/// `Fn::If` on a condition nag cannot decide, an `Effect` that may be `Allow` or `Deny`), ``either(_:_:because:)``
/// keeps the findings both give, so an undecided part costs only the findings that depend on it.
///
/// ```swift
/// var found = WildcardFindings.none
/// found.add("Action::s3:*", at: action.position)
/// found.merge(.either(ifTrue, ifFalse, because: why))
/// return found.outcome
/// ```
struct WildcardFindings: Sendable {
    /// The certain findings, one per finding id, at the first place each was found.
    private(set) var violations: [Violation] = []
    private var ids: Set<String> = []
    /// Why more findings may exist than ``violations``: the first part that could not be decided.
    private(set) var undecided: Unresolved?

    /// Nothing found, nothing undecided.
    static let none = WildcardFindings()

    /// A part that could not be decided, and may hold any finding.
    static func undecided(_ why: Unresolved) -> WildcardFindings {
        var found = WildcardFindings()
        found.undecided = why
        return found
    }

    /// Records the finding `id` at `position`, unless it is already recorded.
    mutating func add(_ id: String, at position: Position) {
        if ids.insert(id).inserted { violations.append(Violation(position: position, findingId: id)) }
    }

    /// Adds what another part found (its new findings, and its undecided part when none is recorded yet).
    mutating func merge(_ other: WildcardFindings) {
        for violation in other.violations {
            if let id = violation.findingId { add(id, at: violation.position) }
        }
        undecided = undecided ?? other.undecided
    }

    /// One of two possibilities is deployed, and `why` says the template does not decide which: the findings
    /// both give are certain; when they give different findings, the difference is undecided.
    static func either(_ first: WildcardFindings, _ second: WildcardFindings, because why: Unresolved) -> WildcardFindings {
        var found = WildcardFindings()
        for violation in first.violations {
            if let id = violation.findingId, second.ids.contains(id) { found.add(id, at: violation.position) }
        }
        found.undecided = first.undecided ?? second.undecided ?? (first.ids == second.ids ? nil : why)
        return found
    }

    /// The check's answer: the certain findings, and an unknown for the part that could not be decided; else
    /// compliant.
    var outcome: RuleOutcome {
        if !violations.isEmpty, let undecided { return .partlyUndecided(violations, undecided) }
        if !violations.isEmpty { return .nonCompliant(violations) }
        if let undecided { return .unknown(undecided) }
        return .compliant
    }
}
