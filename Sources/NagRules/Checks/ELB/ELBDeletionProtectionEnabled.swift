/// Application, network and gateway load balancers have deletion protection (an attribute set to true).
struct ELBDeletionProtectionEnabled: Check {
    static let key = "deletion_protection.enabled"

    let about = CheckAbout(
        resourceTypes: [LoadBalancersV2.loadBalancerType],
        cause: "The load balancer does not have deletion protection enabled.",
        explanation: """
        A load balancer is the entry point of the service behind it: deleting it by mistake, from the console, \
        a script or a stack update that replaces it, takes the service offline and gives it a new DNS name. \
        With the attribute deletion_protection.enabled set to "true", a delete request fails until the \
        protection is turned off. The attribute defaults to false.
        """,
        fix: "Add {Key: deletion_protection.enabled, Value: \"true\"} to the load balancer's LoadBalancerAttributes.",
        examples: [
            .compliant("""
            Resources:
              Nlb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: deletion_protection.enabled
                      Value: "true"
            """),
            .nonCompliant("""
            Resources:
              ↓Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
            """),
            .nonCompliant("""
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: deletion_protection.enabled
                      Value: ↓false
            """),
            .nonCompliant("""
            Resources:
              Gwlb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: gateway
                  Subnets: [subnet-1]
                  ↓LoadBalancerAttributes:
                    - Key: load_balancing.cross_zone.enabled
                      Value: "true"
            """),
            .compliant("""
            Parameters:
              Protect:
                Type: String
                Default: "true"
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: deletion_protection.enabled
                      Value: !Ref Protect
            """),
            .nonCompliant("""
            Parameters:
              Protect:
                Type: String
                Default: "false"
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: deletion_protection.enabled
                      Value: ↓!Ref Protect
            """),
            .unknown("""
            Parameters:
              Protect:
                Type: String
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: deletion_protection.enabled
                      Value: ↓!Ref Protect
            """),
            .unknown("""
            Parameters:
              Environment:
                Type: String
            Conditions:
              Production: !Equals [!Ref Environment, production]
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes: ↓!If
                    - Production
                    - [{Key: deletion_protection.enabled, Value: "true"}]
                    - []
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        LoadBalancersV2.attributeIsTrue(Self.key, of: resource, in: context).outcome
    }
}
