extension Requirement {
    /// A setting that must be set, whatever its value (cdk-nag's `== undefined` test), following `Fn::If` to
    /// `AWS::NoValue` as ``Presence`` does: a finding at the resource when the setting is not written, at its
    /// key when it is written but comes to nothing; unknown only when an `Fn::If` nag cannot decide may remove it.
    ///
    /// ```swift
    /// func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
    ///     Requirement.isSet("RedrivePolicy", of: resource, in: context)
    /// }
    /// ```
    static func isSet(_ property: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: property], in: context) {
        case .present: return .compliant
        case .unknown(let why): return .unknown(why)
        case .absent:
            let written = resource.properties.entry(property)?.keyPosition
            return .violation(at: written ?? resource.position, "\(property) is not set")
        }
    }
}
