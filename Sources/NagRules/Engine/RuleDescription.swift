/// How serious a finding is.
public enum RuleLevel: String, Sendable, CaseIterable, Comparable, Codable {
    case warning
    case error

    public static func < (lhs: RuleLevel, rhs: RuleLevel) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// Everything a person or a report needs to know about a rule: its id and level in its pack, and its
/// check's texts. A flat view of a ``Rule``, made for reports, `nag rules` and `nag explain`.
public struct RuleDescription: Sendable {
    /// `Pack-Suffix`, e.g. `AwsSolutions-S1`.
    public let id: String
    public let level: RuleLevel
    /// The resource types the rule reads; empty means every resource.
    public let resourceTypes: Set<String>
    /// One line: what is wrong when the rule fires.
    public let cause: String
    /// Why it matters.
    public let explanation: String
    /// How to comply.
    public let fix: String
    /// Templates that must and must not trigger the rule.
    public let examples: [RuleExample]
    /// The check the rule publishes (cdk-nag's function name); nil for the suppression audit.
    public let check: String?
    /// The pack's compliance control ids.
    public let controls: [String]

    public init(id: String, level: RuleLevel, resourceTypes: Set<String>, cause: String, explanation: String,
                fix: String, examples: [RuleExample] = [], check: String? = nil, controls: [String] = []) {
        self.id = id
        self.level = level
        self.resourceTypes = resourceTypes
        self.cause = cause
        self.explanation = explanation
        self.fix = fix
        self.examples = examples
        self.check = check
        self.controls = controls
    }

    /// The same description at another level (a run's `--level` override).
    public func with(level: RuleLevel) -> RuleDescription {
        RuleDescription(id: id, level: level, resourceTypes: resourceTypes, cause: cause, explanation: explanation,
                        fix: fix, examples: examples, check: check, controls: controls)
    }

    /// The pack part of the id (`AwsSolutions` for `AwsSolutions-S1`).
    public var pack: String { RuleID(parsing: id)?.pack ?? id }
}
