/// A check as one pack publishes it: an id, a level, the compliance controls the pack maps it to, and the
/// pack's own wording of the cause where it differs from the check's.
///
/// The `Nag` pack's rules have no check: the suppression stage reports them (``Source/suppressionAudit(_:)``).
///
/// A class: it is shared by the rule set, every evaluation and every report, and never changed.
public final class Rule: Sendable {
    /// What produces the rule's findings.
    public enum Source: Sendable {
        /// A check, evaluated once per resource of the types it reads.
        case check(any Check)
        /// A problem with a suppression, found by the suppression stage; carries the rule's texts.
        case suppressionAudit(SuppressionAudit)
    }

    public let id: RuleID
    public let level: RuleLevel
    public let source: Source
    /// The pack's compliance control ids (`164.312(e)(1)`, `SC-8(1)`); empty for best-practice packs.
    public let controls: [String]
    /// The pack's cause, when it words the problem differently from the check.
    public let causeOverride: String?
    /// What a finding of the rule says: the pack's cause, else the check's.
    public let cause: String
    /// The name of the check behind the rule (cdk-nag's function name); nil for suppression-audit rules.
    /// Stored, because every finding carries it and a check's name is derived from its type.
    public let checkName: String?

    public init(id: RuleID, level: RuleLevel, source: Source, controls: [String] = [], cause: String? = nil) {
        self.id = id
        self.level = level
        self.source = source
        self.controls = controls
        self.causeOverride = cause
        switch source {
        case .check(let check):
            self.cause = cause ?? check.about.cause
            self.checkName = check.name
        case .suppressionAudit(let audit):
            self.cause = cause ?? audit.about.cause
            self.checkName = nil
        }
    }

    public convenience init(id: RuleID, level: RuleLevel, check: any Check, controls: [String] = [], cause: String? = nil) {
        self.init(id: id, level: level, source: .check(check), controls: controls, cause: cause)
    }

    /// The check behind the rule; nil for suppression-audit rules.
    public var check: (any Check)? {
        if case .check(let check) = source { check } else { nil }
    }

    /// The suppression problem the rule reports; nil for rules with a check.
    public var audit: SuppressionAudit? {
        if case .suppressionAudit(let audit) = source { audit } else { nil }
    }

    public var about: CheckAbout {
        switch source {
        case .check(let check): check.about
        case .suppressionAudit(let audit): audit.about
        }
    }

    /// The merged view reports, `nag rules` and `nag explain` read.
    public var description: RuleDescription {
        let about = self.about
        return RuleDescription(id: id.description, level: level, resourceTypes: about.resourceTypes, cause: cause,
                               explanation: about.explanation, fix: about.fix, examples: about.examples,
                               check: checkName, controls: controls)
    }
}

/// A `Nag` pack rule: which suppression problem it reports, and its texts.
public struct SuppressionAudit: Sendable {
    public let problem: SuppressionProblem.Kind
    public let about: CheckAbout

    public init(_ problem: SuppressionProblem.Kind, _ about: CheckAbout) {
        self.problem = problem
        self.about = about
    }
}
