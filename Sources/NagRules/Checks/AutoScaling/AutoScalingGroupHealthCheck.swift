/// AwsSolutions-AS2: an Auto Scaling group using ELB health checks gives new instances a grace period.
struct AutoScalingGroupHealthCheck: Check {
    let about = CheckAbout(
        resourceTypes: [EC2EBSVolumeEncrypted.groupType],
        cause: "The Auto Scaling group uses ELB health checks without a health check grace period.",
        explanation: "With ELB health checks, an instance that does not pass the load balancer's check is replaced. A grace period gives a new instance time to boot and start serving before its health counts; without one, instances can be replaced before they ever had a chance.",
        fix: "Set HealthCheckGracePeriod to the seconds an instance needs to start serving.",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  HealthCheckType: ELB
                  HealthCheckGracePeriod: 300
            """),
            .nonCompliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  ↓HealthCheckType: ELB
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
                  MaxSize: "2"
                  HealthCheckType: ↓!Ref Check
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let type = Scalar(resource, "HealthCheckType", in: context)
        if let why = type.unresolved { return .unknown(why) }
        guard type.text == "ELB" else { return .compliant }
        let gracePeriod = Scalar(resource, "HealthCheckGracePeriod", in: context)
        if let why = gracePeriod.unresolved { return .unknown(why) }
        return gracePeriod.isAbsent ? .violation(at: resource.position(ofProperty: "HealthCheckType")) : .compliant
    }
}
