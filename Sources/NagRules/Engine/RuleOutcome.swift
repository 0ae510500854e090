/// What a check decided for one resource.
public enum RuleOutcome: Sendable, Equatable {
    case compliant
    case notApplicable
    /// One or more violations; granular rules give one per finding id.
    case nonCompliant([Violation])
    /// The rule could not decide: a value it needs is not known from the template.
    case unknown(Unresolved)
    /// Violations that are certain, and a part the check could not decide that may hold more (a granular
    /// check reading a policy whose one statement depends on a deploy-time value): both are reported.
    case partlyUndecided([Violation], Unresolved)

    /// A single violation at `position`, optionally with a detail more specific than the rule's cause.
    public static func violation(at position: Position, _ detail: String? = nil) -> RuleOutcome {
        .nonCompliant([Violation(position: position, detail: detail)])
    }

    /// Compliant when `violations` is empty, else non-compliant.
    public static func from(_ violations: [Violation]) -> RuleOutcome {
        violations.isEmpty ? .compliant : .nonCompliant(violations)
    }

    /// An unknown outcome for a value the rule could not resolve.
    public static func unknown(_ reason: String, at position: Position) -> RuleOutcome {
        .unknown(Unresolved(reason, at: position))
    }
}

/// One thing wrong with a resource.
public struct Violation: Sendable, Equatable {
    /// The most specific place: the offending property or list item.
    public var position: Position
    /// The granular finding (`Action::s3:*`), formatted as cdk-nag formats it, for rules that have them.
    public var findingId: String?
    /// What exactly is wrong, when more specific than the rule's cause.
    public var detail: String?
    /// A level other than the rule's, for a lesser form of the problem (a `--level` override still wins).
    public var level: RuleLevel?

    public init(position: Position, findingId: String? = nil, detail: String? = nil, level: RuleLevel? = nil) {
        self.position = position
        self.findingId = findingId
        self.detail = detail
        self.level = level
    }
}
