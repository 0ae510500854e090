/// Application load balancers drop HTTP headers that are not valid (a load balancer attribute set to true).
struct ALBHttpDropInvalidHeaderEnabled: Check {
    static let key = "routing.http.drop_invalid_header_fields.enabled"

    let about = CheckAbout(
        resourceTypes: [LoadBalancersV2.loadBalancerType],
        cause: "The application load balancer does not drop invalid HTTP headers.",
        explanation: """
        By default an application load balancer forwards header fields whose names or values are not valid \
        HTTP. Back ends that parse such headers differently from the balancer can be tricked into request \
        smuggling or header injection. Only the attribute routing.http.drop_invalid_header_fields.enabled, \
        set to "true", makes the balancer remove them. Network and gateway load balancers are not checked.
        """,
        fix: "Add {Key: routing.http.drop_invalid_header_fields.enabled, Value: \"true\"} to the load balancer's LoadBalancerAttributes.",
        examples: [
            .compliant("""
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: deletion_protection.enabled
                      Value: "true"
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: true
              Nlb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
                  Subnets: [subnet-1, subnet-2]
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
                  Type: application
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: ↓"false"
            """),
            .nonCompliant("""
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  ↓LoadBalancerAttributes:
                    - Key: idle_timeout.timeout_seconds
                      Value: "120"
            """),
            .compliant("""
            Parameters:
              DropInvalid:
                Type: String
                Default: "true"
            Conditions:
              Production: !Equals [!Ref "AWS::Partition", aws]
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - !If
                      - Production
                      - Key: !Join [".", [routing.http.drop_invalid_header_fields, enabled]]
                        Value: !Ref DropInvalid
                      - !Ref AWS::NoValue
            """),
            .nonCompliant("""
            Parameters:
              Kind:
                Type: String
                Default: application
            Resources:
              ↓Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: !Ref Kind
                  Subnets: [subnet-1, subnet-2]
            """),
            .unknown("""
            Parameters:
              DropInvalid:
                Type: String
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: ↓!Ref DropInvalid
            """),
            .unknown("""
            Parameters:
              Kind:
                Type: String
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: ↓!Ref Kind
                  Subnets: [subnet-1, subnet-2]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch LoadBalancersV2.isApplication(resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(false): return .notApplicable
        case .success(true): return LoadBalancersV2.attributeIsTrue(Self.key, of: resource, in: context).outcome
        }
    }
}
