/// AwsSolutions-ELB2: classic and v2 load balancers write access logs.
struct ELBLoggingEnabled: Check {
    static let classicType = "AWS::ElasticLoadBalancing::LoadBalancer"
    static let v2Type = "AWS::ElasticLoadBalancingV2::LoadBalancer"

    let about = CheckAbout(
        resourceTypes: [classicType, v2Type],
        cause: "The load balancer does not write access logs.",
        explanation: "Access logs record every request a load balancer receives: client address, latency, path and response. They are needed to analyse traffic patterns and to investigate incidents. A classic load balancer needs an enabled AccessLoggingPolicy; an application, network or gateway load balancer needs the attribute access_logs.s3.enabled set to \"true\".",
        fix: "Classic: set AccessLoggingPolicy with Enabled: true and an S3 bucket. V2: add LoadBalancerAttributes entry Key: access_logs.s3.enabled, Value: \"true\" (and access_logs.s3.bucket).",
        examples: [
            .compliant("""
            Resources:
              Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: access_logs.s3.enabled
                      Value: "true"
                    - Key: access_logs.s3.bucket
                      Value: my-logs
            """),
            .nonCompliant("""
            Resources:
              ↓Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
            """),
            .nonCompliant("""
            Resources:
              Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  ↓LoadBalancerAttributes:
                    - Key: access_logs.s3.enabled
                      Value: "false"
            """),
            .compliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: SSL
                  AccessLoggingPolicy:
                    Enabled: true
                    S3BucketName: my-logs
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
                  AccessLoggingPolicy:
                    ↓Enabled: false
                    S3BucketName: my-logs
            """),
            .compliant("""
            Parameters:
              Logging:
                Type: String
                Default: "true"
            Resources:
              Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: access_logs.s3.enabled
                      Value: !Ref Logging
            """),
            .unknown("""
            Parameters:
              Logging:
                Type: String
            Resources:
              Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: access_logs.s3.enabled
                      Value: ↓!Ref Logging
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == Self.classicType {
            let policy = context.resolve(resource, "AccessLoggingPolicy")
            switch policy {
            case .absent: return .violation(at: resource.position)
            case .unknown(let why): return .unknown(why)
            default: break
            }
            let enabled = Scalar(policy.map?["Enabled"], in: context)
            if let why = enabled.unresolved { return .unknown(why) }
            guard enabled.bool == false else { return .compliant }
            return .violation(at: PropertyLookup.position(of: "Enabled", in: policy.map, else: resource.position))
        }
        return SettingsList.keyValue.hasSetting(named: ["access_logs.s3.enabled"], in: "LoadBalancerAttributes",
                                                of: resource, context: context) { value in
            let enabled = value.scalar
            if let why = enabled.unresolved { return .undecided(why) }
            return .from(enabled.text == "true")
        }.outcome
    }
}
