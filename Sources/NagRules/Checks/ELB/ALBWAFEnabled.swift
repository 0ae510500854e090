/// Application load balancers are associated with a WAFv2 web ACL of the template.
struct ALBWAFEnabled: Check {
    static let associationType = "AWS::WAFv2::WebACLAssociation"

    let about = CheckAbout(
        resourceTypes: [LoadBalancersV2.loadBalancerType],
        cause: "The application load balancer is not associated with a WAFv2 web ACL.",
        explanation: """
        An application load balancer passes on every HTTP request that reaches it. A WAFv2 web ACL in front \
        of it filters requests before they reach the targets: common exploits (SQL injection, cross-site \
        scripting), known bad inputs and sources, and request floods by rate. The association is its own \
        resource, AWS::WAFv2::WebACLAssociation, whose ResourceArn names the load balancer. Network and \
        gateway load balancers are not checked.
        """,
        fix: "Add an AWS::WAFv2::WebACLAssociation with ResourceArn: !Ref <the load balancer> and WebACLArn: the ARN of a REGIONAL web ACL.",
        examples: [
            .compliant("""
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
              Association:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  ResourceArn: !Ref Alb
                  WebACLArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/1
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
              Other:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
              Association:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  ResourceArn: !Ref Other
                  WebACLArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/1
            """),
            .compliant("""
            Parameters:
              Kind:
                Type: String
                Default: network
            Resources:
              Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: !Ref Kind
                  Subnets: [subnet-1, subnet-2]
            """),
            .compliant("""
            Resources:
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
              Acl:
                Type: AWS::WAFv2::WebACL
                Properties:
                  Scope: REGIONAL
                  DefaultAction: {Allow: {}}
                  VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: web}
              Association:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  ResourceArn: !GetAtt Alb.LoadBalancerArn
                  WebACLArn: !GetAtt Acl.Arn
            """),
            .unknown("""
            Parameters:
              Kind:
                Type: String
            Resources:
              Balancer:
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
        case .success(true): break
        }
        let associations = context.graph.resources(referencing: resource, ofType: Self.associationType,
                                                   at: ["Properties", "ResourceArn"])
        return associations.isEmpty
            ? .violation(at: resource.position, "no AWS::WAFv2::WebACLAssociation names this load balancer") : .compliant
    }
}
