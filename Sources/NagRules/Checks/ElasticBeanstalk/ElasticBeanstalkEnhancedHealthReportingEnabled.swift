/// An Elastic Beanstalk environment reports enhanced health.
struct ElasticBeanstalkEnhancedHealthReportingEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [ElasticBeanstalkOptions.environmentType],
        cause: "The Elastic Beanstalk environment does not use enhanced health reporting.",
        explanation: "Basic health reporting only looks at the load balancer's health checks and the instances' status. Enhanced health reporting adds request rates, latencies, errors and operating system metrics from every instance, so problems are seen, and their causes found, while they are still small.",
        fix: "Add the option setting Namespace aws:elasticbeanstalk:healthreporting:system, OptionName SystemType, Value enhanced.",
        examples: [
            .compliant("""
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:healthreporting:system
                      OptionName: SystemType
                      Value: enhanced
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
                    - Namespace: aws:elasticbeanstalk:healthreporting:system
                      OptionName: SystemType
                      Value: basic
            """),
            .compliant("""
            Parameters:
              Reporting:
                Type: String
                Default: enhanced
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:healthreporting:system
                      OptionName: SystemType
                      Value: !Ref Reporting
            """),
            .unknown("""
            Parameters:
              Reporting:
                Type: String
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:healthreporting:system
                      OptionName: SystemType
                      Value: ↓!Ref Reporting
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        ElasticBeanstalkOptions.outcome(resource, in: context, [
            .init(namespace: "aws:elasticbeanstalk:healthreporting:system", option: "SystemType",
                  accepts: { $0.string == "enhanced" }),
        ])
    }
}
