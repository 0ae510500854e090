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
        ClassicLoadBalancers.everyListener(of: resource, in: context) { listener in
            if let why = listener.protocolName.unresolved { return .undecided(why) }
            guard let front = listener.protocolName.lowercased, front == "ssl" || front == "https" else { return .holds }
            if let why = listener.instanceProtocol.unresolved { return .undecided(why) }
            // An unset instance protocol follows the front end's.
            guard let back = listener.instanceProtocol.lowercased, back != front else { return .holds }
            return .fails(at: PropertyLookup.position(of: "InstanceProtocol", in: listener.map, else: resource.position))
        }
    }
}
