/// Lookups shared by the checks of application, network and gateway load balancers and their listeners:
/// the balancer's type and its `LoadBalancerAttributes`.
enum LoadBalancersV2 {
    static let loadBalancerType = "AWS::ElasticLoadBalancingV2::LoadBalancer"
    static let listenerType = "AWS::ElasticLoadBalancingV2::Listener"

    /// Whether the balancer is an application load balancer (`Type` unset or `application`), or why its
    /// type cannot be read.
    static func isApplication(_ balancer: Resource, in context: RuleContext) -> Result<Bool, Unresolved> {
        let type = Scalar(balancer, "Type", in: context)
        if let why = type.unresolved { return .failure(why) }
        return .success(type.isAbsent || type.text == "application")
    }

    /// Holds when the balancer has the attribute `key` with the value `"true"` (CloudFormation passes
    /// attribute values on as text, so a YAML `true` counts). Fails at the balancer when it has no
    /// attributes, at the value of the first `key` attribute when it is set to something else, at
    /// `LoadBalancerAttributes` when no attribute has the key; undecided when an attribute that might decide
    /// cannot be resolved.
    static func attributeIsTrue(_ key: String, of balancer: Resource, in context: RuleContext) -> Verdict {
        let property = "LoadBalancerAttributes"
        switch PropertyLookup.items(balancer[property: property], in: context) {
        case nil:
            return .fails(at: balancer.position, "\(property) is not set, so \(key) keeps its default, false")
        case .failure(let why)?:
            return .undecided(why)
        case .success(let items)?:
            let missing = Verdict.fails(at: balancer.position(ofProperty: property), "no attribute sets \(key)")
            let verdict = SettingsList.keyValue.some(named: [key], in: items, context: context, otherwise: missing) { value in
                let setting = value.scalar
                if let why = setting.unresolved { return .undecided(why) }
                return .from(setting.text == "true")
            }
            guard verdict.truth == .fails,
                  let written = SettingsList.keyValue.value(named: key, in: items, context: context) else { return verdict }
            let text = context.resolve(written).string.map { "\"\($0)\"" } ?? "not a single value"
            return .fails(at: written.position, "\(key) is \(text), not \"true\"")
        }
    }
}
