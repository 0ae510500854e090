/// Edge-ALB1: application load balancers drop HTTP header fields that are not valid.
struct DropInvalidHeaderFields: Check {
    static let attributeKey = "routing.http.drop_invalid_header_fields.enabled"

    let about = CheckAbout(
        resourceTypes: [EdgeLookups.loadBalancerType],
        cause: "The application load balancer passes invalid HTTP header fields on to its targets.",
        explanation: """
        Header fields with invalid names or values are the raw material of HTTP desync (request smuggling) \
        attacks: a front end and a back end that parse them differently can be made to disagree on where one \
        request ends. An application load balancer drops them only when routing.http.drop_invalid_header_fields.enabled \
        is true; the default is false.
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
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: "true"
            """),
            .compliant("""
            Resources:
              Nlb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
                  Subnets: [subnet-1, subnet-2]
            """),
            .compliant("""
            Parameters:
              DropInvalid:
                Type: String
                Default: "true"
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: !Ref DropInvalid
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
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch EdgeLookups.isApplication(resource, in: context) {
        case .unknown(let why): return .unknown(why)
        case let kind where kind.bool != true: return .notApplicable
        default: break
        }
        guard let value = EdgeLookups.attribute(Self.attributeKey, of: resource, in: context) else {
            return .violation(at: resource.position, "\(Self.attributeKey) is not set (it defaults to false)")
        }
        let enabled = context.resolve(value)
        if case .unknown(let why) = enabled { return .unknown(why) }
        return enabled.bool == true ? .compliant : .violation(at: value.position, "\(Self.attributeKey) is not true")
    }
}
