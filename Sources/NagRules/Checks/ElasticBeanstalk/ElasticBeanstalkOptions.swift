/// Reads an Elastic Beanstalk environment's option settings (EB1, EB3, EB4).
enum ElasticBeanstalkOptions {
    static let environmentType = "AWS::ElasticBeanstalk::Environment"
    static let settings = SettingsList(nameFields: ["Namespace", "OptionName"], valueField: "Value")

    /// An option setting a rule needs: its namespace, its name, and which values are accepted
    /// (`.absent` when the setting has no Value).
    struct Wanted {
        var namespace: String
        var option: String
        var accepts: @Sendable (Resolved) -> Bool
    }

    /// Whether some option setting is as `wanted` wants it: fails at the environment when it has no option
    /// settings, at `OptionSettings` when none matches.
    static func find(_ wanted: Wanted, in environment: Resource, context: RuleContext) -> Verdict {
        settings.hasSetting(named: [wanted.namespace, wanted.option], in: "OptionSettings", of: environment,
                            context: context) { value in
            if wanted.accepts(value) { return .holds }
            return value.unresolved.map(Verdict.undecided) ?? .fails
        }
    }

    /// Compliant when every one of `wanted` is found.
    static func outcome(_ environment: Resource, in context: RuleContext, _ wanted: [Wanted]) -> RuleOutcome {
        Verdict.every(wanted) { find($0, in: environment, context: context) }.outcome
    }
}
