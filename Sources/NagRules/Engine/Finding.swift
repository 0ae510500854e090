/// The resource a finding is about.
public struct ResourceSummary: Sendable, Hashable {
    public var logicalId: String
    public var type: String
    /// CDK's construct path, from `Metadata["aws:cdk:path"]`, when the template was synthesized by CDK.
    public var cdkPath: String?

    public init(logicalId: String, type: String, cdkPath: String? = nil) {
        self.logicalId = logicalId
        self.type = type
        self.cdkPath = cdkPath
    }

    init(_ resource: Resource) {
        self.init(logicalId: resource.logicalId, type: resource.type, cdkPath: resource.cdkPath)
    }
}

/// One result a person acts on: a rule broken by a resource, or a rule that could not decide.
public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The resource breaks the rule.
        case violation
        /// The rule could not decide (a value is only known at deploy time, or a parameter has no default).
        case unknown
    }

    public var ruleId: String
    /// The level reported: the rule's level for violations, the `--unknown` level for unknowns.
    public var level: RuleLevel
    public var kind: Kind
    /// The rule's cause, or for unknowns why the rule could not decide.
    public var message: String
    /// A more specific statement of what is wrong, when the rule gives one.
    public var detail: String?
    /// The granular finding id (`Action::s3:*`), for rules that report them.
    public var findingId: String?
    public var resource: ResourceSummary
    public var location: FileLocation
    /// Set when a `cdk_nag` suppression covers the finding.
    public var suppression: AppliedSuppression?
    /// Set when a suppression would cover the finding but its `expires` date has passed: it no longer suppresses.
    public var expiredSuppression: AppliedSuppression? = nil
    /// Set when a baseline accepted the finding (`--baseline`): reported, but it does not fail the run.
    public var baselined = false
    /// The check behind the rule (cdk-nag's function name): findings of several packs' rules with the same
    /// check, resource and place are one problem. Nil for the `Nag` pack's suppression audit.
    public var check: String?
    /// The compliance controls the rule's pack maps it to (HIPAA sections, NIST controls, PCI requirements).
    public var controls: [String] = []
    /// The parameter values the finding holds under, when it depends on them (also at the end of
    /// ``detail``); nil when it holds whatever a deployer chooses and read no assumed `Default`.
    public var scenario: Scenario?

    public init(ruleId: String, level: RuleLevel, kind: Kind, message: String, detail: String? = nil,
                findingId: String? = nil, resource: ResourceSummary, location: FileLocation,
                suppression: AppliedSuppression? = nil, check: String? = nil, controls: [String] = [],
                scenario: Scenario? = nil) {
        self.ruleId = ruleId
        self.level = level
        self.kind = kind
        self.message = message
        self.detail = detail
        self.findingId = findingId
        self.resource = resource
        self.location = location
        self.suppression = suppression
        self.check = check
        self.controls = controls
        self.scenario = scenario
    }

    /// The id as cdk-nag writes it: `AwsSolutions-IAM5[Action::s3:*]` for granular findings.
    public var qualifiedRuleId: String {
        findingId.map { "\(ruleId)[\($0)]" } ?? ruleId
    }

    public var isSuppressed: Bool { suppression != nil }

    /// Sorts by file, position, rule and finding id: the order every report uses.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.location.file, a.location.position.line, a.location.position.column, a.ruleId, a.findingId ?? "", a.resource.logicalId)
            < (b.location.file, b.location.position.line, b.location.position.column, b.ruleId, b.findingId ?? "", b.resource.logicalId)
    }
}

/// A suppression that covers a finding: what it said and where it is written.
public struct AppliedSuppression: Sendable, Hashable {
    public var reason: String
    public var location: FileLocation
    /// Whether the suppression is written on the resource itself or at the template's top level.
    public var scope: SuppressionScope
    /// Whether the suppression names the findings it covers (`applies_to` or `RuleId[FindingId]`); cdk-nag
    /// then reports the reason as `[FindingId] reason`.
    public var isGranular: Bool = false
    /// The last day it suppresses (`expires: YYYY-MM-DD`), nil when it does not expire.
    public var expires: CalendarDate? = nil
}

public enum SuppressionScope: String, Sendable, Hashable, Codable {
    case resource, template
    /// A suppression of the configuration file (`.nag.yaml`), for templates the team cannot edit.
    case configuration
}
