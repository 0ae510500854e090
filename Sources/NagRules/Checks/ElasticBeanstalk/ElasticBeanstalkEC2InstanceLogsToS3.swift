/// AwsSolutions-EB4: an Elastic Beanstalk environment uploads its instance logs to S3.
struct ElasticBeanstalkEC2InstanceLogsToS3: Check {
    let about = CheckAbout(
        resourceTypes: [ElasticBeanstalkOptions.environmentType],
        cause: "The Elastic Beanstalk environment does not upload EC2 instance logs to S3.",
        explanation: "Instances of an environment are replaced as it scales and updates; their logs go with them unless they are published. Rotated logs in S3 outlive the instances and can be analysed later.",
        fix: "Add the option setting Namespace aws:elasticbeanstalk:hostmanager, OptionName LogPublicationControl, Value \"true\".",
        examples: [
            .compliant("""
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:hostmanager
                      OptionName: LogPublicationControl
                      Value: "true"
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
                    - Namespace: aws:elasticbeanstalk:hostmanager
                      OptionName: LogPublicationControl
                      Value: "false"
            """),
            .unknown("""
            Parameters:
              Publish:
                Type: String
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:hostmanager
                      OptionName: LogPublicationControl
                      Value: ↓!Ref Publish
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        ElasticBeanstalkOptions.outcome(resource, in: context, [
            .init(namespace: "aws:elasticbeanstalk:hostmanager", option: "LogPublicationControl",
                  accepts: { $0.string == "true" }),
        ])
    }
}
