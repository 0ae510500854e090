/// Lookups shared by the Glue rules.
enum GlueSecurity {
    static let jobType = "AWS::Glue::Job"
    static let crawlerType = "AWS::Glue::Crawler"
    static let securityConfigurationType = "AWS::Glue::SecurityConfiguration"

    /// Decides a job or crawler against the security configuration its `key` property names: compliant
    /// when one of the matching configurations passes `test`.
    static func evaluate(_ resource: Resource, designatedBy key: String, in context: RuleContext, detail: String,
                         test: (Resource) -> Bool) -> RuleOutcome {
        let designation = PropertyLookup.find(resource, key, in: context)
        switch NamedConfigurations.matching(designation, SecurityConfigurationName.self, in: context) {
        case nil: return .violation(at: designation.position, "no security configuration")
        case .failure(let why): return .unknown(why)
        case .success(let configurations):
            return configurations.contains(where: test) ? .compliant : .violation(at: designation.position, detail)
        }
    }

    /// Glue security configurations by their `Name`.
    private enum SecurityConfigurationName: IndexedProperty {
        static let type = securityConfigurationType
        static let property = "Name"
    }
}
