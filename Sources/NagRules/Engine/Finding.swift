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
///
/// A value with copy-on-write storage: findings are sorted, filtered, counted and formatted many times over,
/// and a copy is one reference count instead of one per field.
public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The resource breaks the rule.
        case violation
        /// The rule could not decide (a value is only known at deploy time, or a parameter has no default).
        case unknown
    }

    /// The fields, shared by copies until one of them changes a field (``storageForWriting()``).
    /// `@unchecked Sendable`: a storage object is never changed while it is shared.
    private final class Storage: @unchecked Sendable {
        var ruleId: String
        var level: RuleLevel
        var kind: Kind
        var message: String
        var detail: String?
        var findingId: String?
        var resource: ResourceSummary
        var location: FileLocation
        var suppression: AppliedSuppression?
        var expiredSuppression: AppliedSuppression?
        var baselined: Bool
        var check: String?
        var controls: [String]
        var scenario: Scenario?

        init(ruleId: String, level: RuleLevel, kind: Kind, message: String, detail: String?, findingId: String?,
             resource: ResourceSummary, location: FileLocation, suppression: AppliedSuppression?,
             expiredSuppression: AppliedSuppression?, baselined: Bool, check: String?, controls: [String],
             scenario: Scenario?) {
            self.ruleId = ruleId
            self.level = level
            self.kind = kind
            self.message = message
            self.detail = detail
            self.findingId = findingId
            self.resource = resource
            self.location = location
            self.suppression = suppression
            self.expiredSuppression = expiredSuppression
            self.baselined = baselined
            self.check = check
            self.controls = controls
            self.scenario = scenario
        }

        func copy() -> Storage {
            Storage(ruleId: ruleId, level: level, kind: kind, message: message, detail: detail, findingId: findingId,
                    resource: resource, location: location, suppression: suppression,
                    expiredSuppression: expiredSuppression, baselined: baselined, check: check, controls: controls,
                    scenario: scenario)
        }
    }

    private var storage: Storage

    /// The storage, copied first when another finding shares it.
    private mutating func storageForWriting() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var ruleId: String {
        get { storage.ruleId }
        set { storageForWriting().ruleId = newValue }
    }
    /// The level reported: the rule's level for violations, the `--unknown` level for unknowns.
    public var level: RuleLevel {
        get { storage.level }
        set { storageForWriting().level = newValue }
    }
    public var kind: Kind {
        get { storage.kind }
        set { storageForWriting().kind = newValue }
    }
    /// The rule's cause, or for unknowns why the rule could not decide.
    public var message: String {
        get { storage.message }
        set { storageForWriting().message = newValue }
    }
    /// A more specific statement of what is wrong, when the rule gives one.
    public var detail: String? {
        get { storage.detail }
        set { storageForWriting().detail = newValue }
    }
    /// The granular finding id (`Action::s3:*`), for rules that report them.
    public var findingId: String? {
        get { storage.findingId }
        set { storageForWriting().findingId = newValue }
    }
    public var resource: ResourceSummary {
        get { storage.resource }
        set { storageForWriting().resource = newValue }
    }
    public var location: FileLocation {
        get { storage.location }
        set { storageForWriting().location = newValue }
    }
    /// Set when a `cdk_nag` suppression covers the finding.
    public var suppression: AppliedSuppression? {
        get { storage.suppression }
        set { storageForWriting().suppression = newValue }
    }
    /// Set when a suppression would cover the finding but its `expires` date has passed: it no longer suppresses.
    public var expiredSuppression: AppliedSuppression? {
        get { storage.expiredSuppression }
        set { storageForWriting().expiredSuppression = newValue }
    }
    /// Set when a baseline accepted the finding (`--baseline`): reported, but it does not fail the run.
    public var baselined: Bool {
        get { storage.baselined }
        set { storageForWriting().baselined = newValue }
    }
    /// The check behind the rule (cdk-nag's function name): findings of several packs' rules with the same
    /// check, resource and place are one problem. Nil for the `Nag` pack's suppression audit.
    public var check: String? {
        get { storage.check }
        set { storageForWriting().check = newValue }
    }
    /// The compliance controls the rule's pack maps it to (HIPAA sections, NIST controls, PCI requirements).
    public var controls: [String] {
        get { storage.controls }
        set { storageForWriting().controls = newValue }
    }
    /// The parameter values the finding holds under, when it depends on them (also at the end of
    /// ``detail``); nil when it holds whatever a deployer chooses and read no assumed `Default`.
    public var scenario: Scenario? {
        get { storage.scenario }
        set { storageForWriting().scenario = newValue }
    }

    public init(ruleId: String, level: RuleLevel, kind: Kind, message: String, detail: String? = nil,
                findingId: String? = nil, resource: ResourceSummary, location: FileLocation,
                suppression: AppliedSuppression? = nil, check: String? = nil, controls: [String] = [],
                scenario: Scenario? = nil) {
        storage = Storage(ruleId: ruleId, level: level, kind: kind, message: message, detail: detail, findingId: findingId,
                          resource: resource, location: location, suppression: suppression, expiredSuppression: nil,
                          baselined: false, check: check, controls: controls, scenario: scenario)
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.ruleId == y.ruleId && x.level == y.level && x.kind == y.kind && x.message == y.message
            && x.detail == y.detail && x.findingId == y.findingId && x.resource == y.resource && x.location == y.location
            && x.suppression == y.suppression && x.expiredSuppression == y.expiredSuppression && x.baselined == y.baselined
            && x.check == y.check && x.controls == y.controls && x.scenario == y.scenario
    }

    public func hash(into hasher: inout Hasher) {
        let x = storage
        hasher.combine(x.ruleId)
        hasher.combine(x.level)
        hasher.combine(x.kind)
        hasher.combine(x.message)
        hasher.combine(x.detail)
        hasher.combine(x.findingId)
        hasher.combine(x.resource)
        hasher.combine(x.location)
        hasher.combine(x.suppression)
        hasher.combine(x.expiredSuppression)
        hasher.combine(x.baselined)
        hasher.combine(x.check)
        hasher.combine(x.controls)
        hasher.combine(x.scenario)
    }

    /// The id as cdk-nag writes it: `AwsSolutions-IAM5[Action::s3:*]` for granular findings.
    public var qualifiedRuleId: String {
        findingId.map { "\(ruleId)[\($0)]" } ?? ruleId
    }

    public var isSuppressed: Bool { storage.suppression != nil }

    /// Whether no suppression, live or expired, names this finding and the baseline does not hold it: read in
    /// place, without copying the suppressions out (the JSON report asks it of every finding).
    var isUnexcused: Bool { storage.suppression == nil && storage.expiredSuppression == nil && !storage.baselined }

    /// Sorts by file, position, rule and finding id: the order every report uses.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let x = a.storage, y = b.storage
        if x.location.file != y.location.file { return x.location.file < y.location.file }
        if x.location.position.line != y.location.position.line { return x.location.position.line < y.location.position.line }
        if x.location.position.column != y.location.position.column {
            return x.location.position.column < y.location.position.column
        }
        if x.ruleId != y.ruleId { return x.ruleId < y.ruleId }
        let first = x.findingId ?? "", second = y.findingId ?? ""
        if first != second { return first < second }
        return x.resource.logicalId < y.resource.logicalId
    }

    /// ``reportOrder(_:_:)`` for findings whose rule ids are known by their ranks (``RuleSet/idRanks``): ranks
    /// are in the order of the ids and equal exactly when the ids are, so the order is the same, but rules are
    /// told apart by a number instead of two string comparisons.
    static func reportOrder(_ a: Finding, idRank first: Int32, _ b: Finding, idRank second: Int32) -> Bool {
        let x = a.storage, y = b.storage
        if x.location.file != y.location.file { return x.location.file < y.location.file }
        if x.location.position.line != y.location.position.line { return x.location.position.line < y.location.position.line }
        if x.location.position.column != y.location.position.column {
            return x.location.position.column < y.location.position.column
        }
        if first != second { return first < second }
        let one = x.findingId ?? "", other = y.findingId ?? ""
        if one != other { return one < other }
        return x.resource.logicalId < y.resource.logicalId
    }
}

extension Array where Element == Finding {
    /// Sorts into ``Finding/reportOrder(_:_:)``, stably (as `sort(by:)`). Findings already in order (the
    /// common case after evaluation) cost one comparison each and are not moved.
    mutating func sortInReportOrder() {
        guard indices.dropFirst().contains(where: { Finding.reportOrder(self[$0], self[$0 - 1]) }) else { return }
        sort(by: Finding.reportOrder)
    }

    /// ``sortInReportOrder()`` for findings whose rules' id ranks are `idRanks` (one for each finding, in order).
    mutating func sortInReportOrder(idRanks: [Int32]) {
        precondition(idRanks.count == count, "one id rank for each finding")
        guard indices.dropFirst().contains(where: {
            Finding.reportOrder(self[$0], idRank: idRanks[$0], self[$0 - 1], idRank: idRanks[$0 - 1])
        }) else { return }
        var ranked = zip(self, idRanks).map { (finding: $0, rank: $1) }
        ranked.sort { Finding.reportOrder($0.finding, idRank: $0.rank, $1.finding, idRank: $1.rank) }
        self = ranked.map(\.finding)
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
