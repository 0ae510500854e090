/// Lookups shared by the EMR rules.
enum EMRClusters {
    static let clusterType = "AWS::EMR::Cluster"
    static let securityConfigurationType = "AWS::EMR::SecurityConfiguration"

    /// Decides a cluster against the security configuration it names: compliant when one of the
    /// matching configurations passes `test` (given its resolved `SecurityConfiguration` document).
    static func evaluate(_ cluster: Resource, in context: RuleContext, detail: String,
                         test: (ValueMap) -> Bool) -> RuleOutcome {
        let designation = PropertyLookup.find(cluster, "SecurityConfiguration", in: context)
        switch NamedConfigurations.matching(designation, SecurityConfigurationName.self, in: context) {
        case nil:
            return .violation(at: designation.position, "the cluster has no security configuration")
        case .failure(let why):
            return .unknown(why)
        case .success(let configurations):
            let passes = configurations.contains { configuration in
                guard let document = context.resolve(configuration, "SecurityConfiguration").value,
                      let map = PropertyLookup.expand(document, in: context)?.mapValue else { return false }
                return test(map)
            }
            return passes ? .compliant : .violation(at: designation.position, detail)
        }
    }

    /// EMR security configurations by their `Name`.
    private enum SecurityConfigurationName: IndexedProperty {
        static let type = securityConfigurationType
        static let property = "Name"
    }
}
