/// AwsSolutions-EB3: an Elastic Beanstalk environment applies managed platform updates.
struct ElasticBeanstalkManagedUpdatesEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [ElasticBeanstalkOptions.environmentType],
        cause: "The Elastic Beanstalk environment does not have managed updates enabled.",
        explanation: "Managed platform updates apply patch and minor platform versions automatically in a maintenance window, so the environment gets security fixes without someone remembering to update it.",
        fix: "Add option settings aws:elasticbeanstalk:managedactions ManagedActionsEnabled true and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel minor (or patch).",
        examples: [
            .compliant("""
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:managedactions
                      OptionName: ManagedActionsEnabled
                      Value: "true"
                    - Namespace: aws:elasticbeanstalk:managedactions:platformupdate
                      OptionName: UpdateLevel
                      Value: minor
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
                    - Namespace: aws:elasticbeanstalk:managedactions
                      OptionName: ManagedActionsEnabled
                      Value: "true"
            """),
            .unknown("""
            Parameters:
              Level:
                Type: String
            Resources:
              Env:
                Type: AWS::ElasticBeanstalk::Environment
                Properties:
                  ApplicationName: app
                  OptionSettings:
                    - Namespace: aws:elasticbeanstalk:managedactions
                      OptionName: ManagedActionsEnabled
                    - Namespace: aws:elasticbeanstalk:managedactions:platformupdate
                      OptionName: UpdateLevel
                      Value: ↓!Ref Level
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        ElasticBeanstalkOptions.outcome(resource, in: context, [
            .init(namespace: "aws:elasticbeanstalk:managedactions", option: "ManagedActionsEnabled",
                  accepts: { $0.isAbsent || $0.string == "true" }),
            .init(namespace: "aws:elasticbeanstalk:managedactions:platformupdate", option: "UpdateLevel",
                  accepts: { $0.string == "minor" || $0.string == "patch" }),
        ])
    }
}
