/// AwsSolutions-ELB5: a classic load balancer's SSL/HTTPS listeners keep that protocol to the instances.
struct ELBTlsHttpsListenersOnly: Check {
    let about = CheckAbout(
        resourceTypes: [ELBLoggingEnabled.classicType],
        cause: "The classic load balancer terminates SSL or HTTPS and forwards the traffic unencrypted.",
        explanation: "A listener that accepts SSL or HTTPS but talks to the instances over TCP or HTTP sends the decrypted traffic across the network. Keeping the same protocol to the back end keeps it encrypted all the way.",
        fix: "For SSL listeners set InstanceProtocol: SSL, for HTTPS listeners InstanceProtocol: HTTPS (or leave it unset).",
        examples: [
            .compliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: HTTPS
                      InstanceProtocol: HTTPS
            """),
            .nonCompliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "80"
                      Protocol: HTTPS
                      ↓InstanceProtocol: HTTP
            """),
            .unknown("""
            Parameters:
              Back:
                Type: String
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
                      InstanceProtocol: ↓!Ref Back
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch ClassicLoadBalancers.listeners(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let listeners):
            var undecided: Unresolved?
            for listener in listeners {
                let front: String?
                switch listener.protocolName {
                case .failure(let why): undecided = undecided ?? why; continue
                case .success(let name): front = name
                }
                guard let front, front == "ssl" || front == "https" else { continue }
                switch listener.instanceProtocol {
                case .failure(let why): undecided = undecided ?? why
                case .success(let back):
                    if let back, back != front {
                        return .violation(at: ComputeValues.position(of: "InstanceProtocol", in: listener.map, else: resource.position))
                    }
                }
            }
            return undecided.map { .unknown($0) } ?? .compliant
        }
    }
}
