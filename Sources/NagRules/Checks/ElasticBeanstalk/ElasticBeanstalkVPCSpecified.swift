/// AwsSolutions-EB1: an Elastic Beanstalk environment runs in a VPC of your choosing.
struct ElasticBeanstalkVPCSpecified: Check {
    let about = CheckAbout(
        resourceTypes: [ElasticBeanstalkOptions.environmentType],
        cause: "The Elastic Beanstalk environment is not configured to use a specific VPC.",
        explanation: "An environment without a VPC setting runs in the account's default VPC, whose subnets are public and shared with everything else. A dedicated VPC lets you control the network the instances sit in and who can reach them.",
        fix: "Add the option setting Namespace aws:ec2:vpc, OptionName VPCId, Value <your VPC id> (with Subnets).",
        examples: [
            .compliant("""
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:ec2:vpc
                      OptionName: VPCId
                      Value: vpc-12345678
            """),
            .nonCompliant("""
            Resources:
              ↓Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
            """),
            .nonCompliant("""
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  ↓OptionSettings:
                    - Namespace: aws:autoscaling:launchconfiguration
                      OptionName: InstanceType
                      Value: t3.micro
            """),
            .compliant("""
            Parameters:
              Vpc:
                Type: AWS::EC2::VPC::Id
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:ec2:vpc
                      OptionName: VPCId
                      Value: !Ref Vpc
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        // Any value counts, even one known only at deploy time.
        ElasticBeanstalkOptions.outcome(resource, in: context, [
            .init(namespace: "aws:ec2:vpc", option: "VPCId", accepts: { !$0.isAbsent }),
        ])
    }
}
