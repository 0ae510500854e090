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
        switch ComputeValues.scalar(policy.map?["Enabled"], in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let value):
            if let value, Resolved.value(value).bool == true { return .compliant }
            return .violation(at: ComputeValues.position(of: "Enabled", in: policy.map, else: resource.position(ofProperty: "ConnectionDrainingPolicy")))
        }
    }
}
