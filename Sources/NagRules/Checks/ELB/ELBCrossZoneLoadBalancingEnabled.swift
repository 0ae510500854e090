/// AwsSolutions-ELB4: classic load balancers balance across zones and span at least two.
struct ELBCrossZoneLoadBalancingEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [ELBLoggingEnabled.classicType],
        cause: "The classic load balancer does not use cross-zone load balancing across at least two availability zones.",
        explanation: "Cross-zone load balancing spreads requests evenly over all registered instances whatever their zone, and spanning two or more zones keeps the service up when one zone fails.",
        fix: "Set CrossZone: true and give at least two Subnets (or, outside a VPC, two AvailabilityZones).",
        examples: [
            .compliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  CrossZone: true
                  Subnets: [subnet-1, subnet-2]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
            """),
            .nonCompliant("""
            Resources:
              ↓Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
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
                  CrossZone: true
                  ↓Subnets: [subnet-1]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
            """),
            .compliant("""
            Parameters:
              Zones:
                Type: CommaDelimitedList
                Default: eu-west-1a,eu-west-1b
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  CrossZone: true
                  AvailabilityZones: !Ref Zones
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
            """),
            .unknown("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  CrossZone: true
                  AvailabilityZones: ↓!GetAZs ""
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        guard resource.properties["CrossZone"] != nil else { return .violation(at: resource.position) }
        let key = resource.properties["Subnets"] != nil ? "Subnets" : "AvailabilityZones"
        switch PropertyLookup.items(resource.properties[key], in: context) {
        case nil: return .violation(at: resource.position)
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?:
            if items.count < 2 { return .violation(at: resource.position(ofProperty: key)) }
        }
        let crossZone = Scalar(resource, "CrossZone", in: context)
        if let why = crossZone.unresolved { return .unknown(why) }
        return crossZone.bool == true ? .compliant : .violation(at: resource.position(ofProperty: "CrossZone"))
    }
}
