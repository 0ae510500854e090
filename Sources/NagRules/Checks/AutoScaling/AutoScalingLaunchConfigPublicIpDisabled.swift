/// An Auto Scaling launch configuration explicitly turns off public IP addresses.
struct AutoScalingLaunchConfigPublicIpDisabled: Check {
    let about = CheckAbout(
        resourceTypes: [EC2InstanceDetailedMonitoringEnabled.launchConfigurationType],
        cause: "The launch configuration does not set AssociatePublicIpAddress to false.",
        explanation: "Instances launched with a public address are reachable from the internet whenever a security group or network ACL allows it. When AssociatePublicIpAddress is not set, the subnet's default decides, so the check asks for an explicit false.",
        fix: "Set AssociatePublicIpAddress: false on the launch configuration and reach the instances through a load balancer or NAT.",
        examples: [
            .compliant("""
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  AssociatePublicIpAddress: "false"
            """),
            .nonCompliant("""
            Resources:
              ↓Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
            """),
            .nonCompliant("""
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  ↓AssociatePublicIpAddress: true
            """),
            .compliant("""
            Parameters:
              Public:
                Type: String
                Default: "false"
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  AssociatePublicIpAddress: !Ref Public
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  AssociatePublicIpAddress: ↓!Ref Public
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let associate = Scalar(resource, "AssociatePublicIpAddress", in: context)
        if associate.isAbsent { return .violation(at: resource.position, "AssociatePublicIpAddress is not set") }
        if let why = associate.unresolved { return .unknown(why) }
        return associate.bool == false
            ? .compliant : .violation(at: resource.position(ofProperty: "AssociatePublicIpAddress"), "AssociatePublicIpAddress is not false")
    }
}
