/// An Auto Scaling group behind a load balancer uses the load balancer's health checks.
struct AutoScalingGroupELBHealthCheckRequired: Check {
    let about = CheckAbout(
        resourceTypes: [EC2EBSVolumeEncrypted.groupType],
        cause: "The Auto Scaling group is attached to a load balancer but does not use ELB health checks.",
        explanation: "With the default EC2 health checks, the group replaces an instance only when the instance itself fails its status checks; an instance whose application has stopped answering keeps running and keeps receiving its share of traffic. ELB health checks let the group replace instances the load balancer finds unhealthy. The check applies to groups with LoadBalancerNames or TargetGroupARNs.",
        fix: "Set HealthCheckType: ELB on the group (with a HealthCheckGracePeriod long enough for instances to start).",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "3"
                  TargetGroupARNs: [arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef]
                  HealthCheckType: ELB
                  HealthCheckGracePeriod: 300
            """),
            .compliant("""
            Resources:
              Workers:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "3"
            """),
            .nonCompliant("""
            Resources:
              ↓Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "3"
                  LoadBalancerNames: [web]
            """),
            .nonCompliant("""
            Parameters:
              TargetGroups:
                Type: CommaDelimitedList
                Default: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "3"
                  TargetGroupARNs: !Ref TargetGroups
                  ↓HealthCheckType: EC2
            """),
            .unknown("""
            Parameters:
              Check:
                Type: String
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "3"
                  LoadBalancerNames: [web]
                  HealthCheckType: ↓!Ref Check
            """),
            .unknown("""
            Parameters:
              TargetGroups:
                Type: CommaDelimitedList
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "3"
                  TargetGroupARNs: ↓!Ref TargetGroups
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let type = Scalar(resource, "HealthCheckType", in: context)
        if type.text == "ELB" { return .compliant }
        let balanced = Verdict.some(["LoadBalancerNames", "TargetGroupARNs"], otherwise: .fails) { property in
            switch PropertyLookup.items(resource[property: property], in: context) {
            case nil: return .fails
            case .failure(let why)?: return .undecided(why)
            case .success(let items)?: return .from(!items.isEmpty)
            }
        }
        switch balanced.truth {
        case .fails: return .compliant
        case .undecided: return balanced.outcome
        case .holds:
            if let why = type.unresolved { return .unknown(why) }
            if type.isAbsent { return .violation(at: resource.position, "HealthCheckType is not set") }
            return .violation(at: resource.position(ofProperty: "HealthCheckType"), "HealthCheckType is \(type.text ?? "not ELB")")
        }
    }
}
