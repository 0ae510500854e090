/// A value of the configuration file and where it is written (for `nag config` and for errors).
public struct Sourced<Value: Sendable>: Sendable {
    public var value: Value
    public var origin: FileLocation

    public init(_ value: Value, at origin: FileLocation) {
        self.value = value
        self.origin = origin
    }
}

/// The `.nag.yaml` configuration: defaults for a run that the command line overrides. Every value keeps the
/// place it is written. Paths in it are relative to the file's folder and are stored resolved (joined to that
/// folder as it was reached), so they read as paths from the working directory.
///
/// ```yaml
/// paths: [infra/]
/// packs: [AwsSolutions, HIPAA.Security]
/// fail-on: warning
/// unknown: ignore
/// rules: {only: [AwsSolutions-], skip: [AwsSolutions-IAM4]}
/// levels: {AwsSolutions-S1: warning}
/// custom-rules: [policy/]
/// exclude: ["**/vendored/**"]
/// parameters:
///   - templates: "infra/prod-*.yaml"
///     values: {Stage: prod}
/// suppressions:
///   - id: AwsSolutions-IAM5
///     applies_to: ["Action::s3:*"]
///     resources: "Generated*"
///     templates: "vendor/**"
///     reason: The vendored stack is deployed as its authors ship it.
///     expires: 2027-06-30
/// baseline: nag-baseline.json
/// ```
public struct NagConfig: Sendable {
    /// The configuration file as it was found or given.
    public var file: String
    public var paths: Sourced<[String]>?
    public var packs: Sourced<[String]>?
    /// `error`, `warning` or `none`.
    public var failOn: Sourced<String>?
    /// `error`, `warning` or `ignore`.
    public var unknown: Sourced<String>?
    public var only: Sourced<[String]>?
    public var skip: Sourced<[String]>?
    /// Level changes, in the order written.
    public var levels: [(id: String, level: Sourced<RuleLevel>)] = []
    public var customRules: Sourced<[String]>?
    public var exclude: Sourced<[Glob]>?
    public var parameters: [ParameterSet] = []
    public var suppressions: [ConfigSuppression] = []
    public var baseline: Sourced<String>?

    public init(file: String) {
        self.file = file
    }

    /// The allowed values of `fail-on` and `unknown`.
    public static let failLevels = ["error", "warning", "none"]
    public static let unknownLevels = ["error", "warning", "ignore"]

    /// Parameter values for the templates a glob matches.
    public struct ParameterSet: Sendable {
        public var templates: Glob
        public var values: [(key: String, value: String)]
        public var origin: FileLocation
    }

    /// The parameter values for one template: every matching set, later sets overriding earlier ones.
    public func parameterValues(for template: String) -> [String: String] {
        var values: [String: String] = [:]
        for set in parameters where set.templates.matches(template) {
            for (key, value) in set.values { values[key] = value }
        }
        return values
    }

    /// Whether a template found by searching a folder is excluded.
    public func excludes(_ path: String) -> Bool {
        exclude?.value.contains { $0.matches(path) } ?? false
    }
}

/// A suppression written in the configuration, for templates a team cannot edit (generated or vendored): it
/// covers findings of its rule on resources whose logical id or construct path matches `resources`, in
/// templates matching `templates`.
public struct ConfigSuppression: Sendable {
    public var ruleId: String
    /// Exact finding ids; nil covers every finding of the rule.
    public var appliesTo: [String]?
    public var resources: Glob
    public var templates: Glob
    public var reason: String
    public var expires: CalendarDate?
    public var origin: FileLocation

    /// Whether this entry covers `finding` (whatever the date).
    public func covers(_ finding: Finding) -> Bool {
        guard finding.ruleId == ruleId, templates.matches(finding.location.file) else { return false }
        guard resources.matches(finding.resource.logicalId) || finding.resource.cdkPath.map(resources.matches) == true else { return false }
        guard let appliesTo else { return true }
        return finding.findingId.map(appliesTo.contains) ?? false
    }
}
