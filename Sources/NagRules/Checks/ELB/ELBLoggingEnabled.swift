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
            switch ComputeValues.scalar(policy.map?["Enabled"], in: context) {
            case .failure(let why): return .unknown(why)
            case .success(let value):
                guard let value, Resolved.value(value).bool == false else { return .compliant }
                return .violation(at: ComputeValues.position(of: "Enabled", in: policy.map, else: resource.position))
            }
        }
        guard let attributes = ComputeValues.items(resource.properties["LoadBalancerAttributes"], in: context) else {
            return .violation(at: resource.position)
        }
        let items: [Resolved]
        switch attributes {
        case .failure(let why): return .unknown(why)
        case .success(let list): items = list
        }
        var undecided: Unresolved?
        for item in items {
            guard let map = item.map else {
                if let why = item.unresolved { undecided = undecided ?? why }
                continue
            }
            let key = context.resolve(map["Key"])
            if let why = key.unresolved { undecided = undecided ?? why; continue }
            guard key.string == "access_logs.s3.enabled" else { continue }
            switch ComputeValues.scalar(map["Value"], in: context) {
            case .failure(let why): undecided = undecided ?? why
            case .success(let value): if value?.scalarText == "true" { return .compliant }
            }
        }
        if let undecided { return .unknown(undecided) }
        return .violation(at: resource.properties.entry("LoadBalancerAttributes")?.keyPosition ?? resource.position)
    }
}
