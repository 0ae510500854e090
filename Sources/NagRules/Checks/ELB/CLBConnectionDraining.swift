/// AwsSolutions-ELB3: classic load balancers drain connections before deregistering instances.
struct CLBConnectionDraining: Check {
    let about = CheckAbout(
        resourceTypes: [ELBLoggingEnabled.classicType],
        cause: "The classic load balancer does not have connection draining enabled.",
        explanation: "With connection draining, a load balancer stops sending new requests to an instance that is deregistering or unhealthy but lets the requests in flight finish. Without it, those requests fail whenever an instance leaves.",
        fix: "Set ConnectionDrainingPolicy with Enabled: true (and a Timeout).",
        examples: [
            .compliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
                  ConnectionDrainingPolicy:
                    Enabled: true
                    Timeout: 60
            """),
            .nonCompliant("""
            Resources:
              ↓Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
            """),
            .nonCompliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
                  ConnectionDrainingPolicy:
                    ↓Enabled: "false"
            """),
            .unknown("""
            Parameters:
              Drain:
                Type: String
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
                  ConnectionDrainingPolicy:
                    Enabled: ↓!Ref Drain
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let policy = context.resolve(resource, "ConnectionDrainingPolicy")
        switch policy {
        case .absent: return .violation(at: resource.position)
        case .unknown(let why): return .unknown(why)
        default: break
        }
        let enabled = Scalar(policy.map?["Enabled"], in: context)
        if let why = enabled.unresolved { return .unknown(why) }
        if enabled.bool == true { return .compliant }
        return .violation(at: PropertyLookup.position(of: "Enabled", in: policy.map, else: resource.position(ofProperty: "ConnectionDrainingPolicy")))
    }
}
