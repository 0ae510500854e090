/// AwsSolutions-ELB1: classic load balancers are not used for HTTP or HTTPS traffic.
struct CLBNoInboundHttpHttps: Check {
    let about = CheckAbout(
        resourceTypes: [ELBLoggingEnabled.classicType],
        cause: "The classic load balancer is used for inbound HTTP or HTTPS traffic.",
        explanation: "Application Load Balancers serve HTTP and HTTPS better than classic load balancers: path and host routing, HTTP/2, WebSockets, WAF integration and finer-grained metrics. Classic load balancers are a previous generation.",
        fix: "Replace the classic load balancer with an AWS::ElasticLoadBalancingV2::LoadBalancer of type application for HTTP/HTTPS listeners.",
        examples: [
            .compliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "5000"
                      InstancePort: "5000"
                      Protocol: TCP
            """),
            .nonCompliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "80"
                      InstancePort: "80"
                      ↓Protocol: HTTP
            """),
            .unknown("""
            Parameters:
              Kind:
                Type: String
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "80"
                      InstancePort: "80"
                      Protocol: ↓!Ref Kind
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        ClassicLoadBalancers.everyListener(of: resource, in: context) { listener in
            if let why = listener.protocolName.unresolved { return .undecided(why) }
            let name = listener.protocolName.lowercased
            guard name == "http" || name == "https" else { return .holds }
            return .fails(at: PropertyLookup.position(of: "Protocol", in: listener.map, else: resource.position))
        }
    }
}
