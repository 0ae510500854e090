/// AwsSolutions-EC29: instances have termination protection turned on.
struct EC2InstanceTerminationProtection: Check {
    let about = CheckAbout(
        resourceTypes: [EC2InstanceDetailedMonitoringEnabled.instanceType],
        cause: "The EC2 instance does not have termination protection enabled.",
        explanation: "Termination protection stops an instance from being terminated by an API call or the console until the protection is turned off first, so a mistaken call cannot destroy it. Instances that should be replaceable belong in an Auto Scaling group instead.",
        fix: "Set DisableApiTermination: true, or run the workload in an Auto Scaling group.",
        examples: [
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  DisableApiTermination: true
            """),
            .nonCompliant("""
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
            """),
            .nonCompliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  ↓DisableApiTermination: "false"
            """),
            .compliant("""
            Parameters:
              Protect:
                Type: String
                Default: "true"
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  DisableApiTermination: !Ref Protect
            """),
            .unknown("""
            Parameters:
              Protect:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  DisableApiTermination: ↓!Ref Protect
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let protection = Scalar(resource, "DisableApiTermination", in: context)
        if let why = protection.unresolved { return .unknown(why) }
        if protection.isAbsent { return .violation(at: resource.position) }
        return protection.bool == true ? .compliant : .violation(at: resource.position(ofProperty: "DisableApiTermination"))
    }
}
