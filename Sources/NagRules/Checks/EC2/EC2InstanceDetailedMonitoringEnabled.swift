/// AwsSolutions-EC28: instances and launch configurations turn on detailed (one-minute) monitoring.
struct EC2InstanceDetailedMonitoringEnabled: Check {
    static let instanceType = "AWS::EC2::Instance"
    static let launchConfigurationType = "AWS::AutoScaling::LaunchConfiguration"

    let about = CheckAbout(
        resourceTypes: [instanceType, launchConfigurationType],
        cause: "The EC2 instance or Auto Scaling launch configuration does not have detailed monitoring enabled.",
        explanation: "Detailed monitoring sends instance metrics to CloudWatch every minute instead of every five, so alarms and scaling react to problems sooner. An instance turns it on with Monitoring: true; a launch configuration has it on unless InstanceMonitoring is false.",
        fix: "Set Monitoring: true on the instance, or remove InstanceMonitoring: false from the launch configuration.",
        examples: [
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  Monitoring: "true"
            """),
            .compliant("""
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
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
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  ↓InstanceMonitoring: false
            """),
            .nonCompliant("""
            Parameters:
              Detailed:
                Type: String
                Default: "false"
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  ↓Monitoring: !Ref Detailed
            """),
            .unknown("""
            Parameters:
              Detailed:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  Monitoring: ↓!Ref Detailed
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let isInstance = resource.type == Self.instanceType
        let key = isInstance ? "Monitoring" : "InstanceMonitoring"
        let monitoring = Scalar(resource, key, in: context)
        if let why = monitoring.unresolved { return .unknown(why) }
        if monitoring.isAbsent { return isInstance ? .violation(at: resource.position) : .compliant }
        return monitoring.bool == false ? .violation(at: resource.position(ofProperty: key)) : .compliant
    }
}
