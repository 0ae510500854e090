/// A named table of rules: which checks the pack publishes, under which id suffix and level.
///
/// Built-in packs are written one line per rule, so each line can be read beside cdk-nag's pack file:
///
/// ```swift
/// extension RulePack {
///     public static let awsSolutions = RulePack("AwsSolutions", summary: "…", [
///         .error("S10", S3BucketSSLRequestsOnly()),
///     ])
///     public static let hipaaSecurity = RulePack("HIPAA.Security", summary: "…", [
///         .error(S3BucketSSLRequestsOnly(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)"),
///     ])
/// }
/// ```
public struct RulePack: Sendable {
    public let name: String
    public let summary: String
    public let rules: [Rule]

    public init(name: String, summary: String, rules: [Rule]) {
        self.name = name
        self.summary = summary
        self.rules = rules
    }

    /// A pack from table entries; an entry without a suffix is published under its check's name.
    public init(_ name: String, summary: String, _ entries: [Entry]) {
        self.init(name: name, summary: summary, rules: entries.map { entry in
            let suffix = entry.suffix ?? entry.check?.name ?? ""
            return Rule(id: RuleID(pack: name, suffix: suffix), level: entry.level, source: entry.source,
                        controls: entry.controls, cause: entry.cause)
        })
    }

    /// One line of a pack table.
    public struct Entry: Sendable {
        let suffix: String?
        let level: RuleLevel
        let source: Rule.Source
        let controls: [String]
        let cause: String?

        var check: (any Check)? { if case .check(let check) = source { check } else { nil } }

        /// An error-level rule `Pack-<suffix>` (the AwsSolutions style: `S10`).
        public static func error(_ suffix: String, _ check: any Check, cause: String? = nil) -> Entry {
            Entry(suffix: suffix, level: .error, source: .check(check), controls: [], cause: cause)
        }

        /// A warning-level rule `Pack-<suffix>`.
        public static func warning(_ suffix: String, _ check: any Check, cause: String? = nil) -> Entry {
            Entry(suffix: suffix, level: .warning, source: .check(check), controls: [], cause: cause)
        }

        /// An error-level rule `Pack-<CheckName>` with the pack's compliance controls (the compliance-pack style).
        public static func error(_ check: any Check, controls: String..., cause: String? = nil) -> Entry {
            Entry(suffix: nil, level: .error, source: .check(check), controls: controls, cause: cause)
        }

        /// A warning-level rule `Pack-<CheckName>` with the pack's compliance controls.
        public static func warning(_ check: any Check, controls: String..., cause: String? = nil) -> Entry {
            Entry(suffix: nil, level: .warning, source: .check(check), controls: controls, cause: cause)
        }

        /// A rule the suppression stage reports (the `Nag` pack).
        public static func audit(_ suffix: String, _ level: RuleLevel, _ audit: SuppressionAudit) -> Entry {
            Entry(suffix: suffix, level: level, source: .suppressionAudit(audit), controls: [], cause: nil)
        }
    }
}
