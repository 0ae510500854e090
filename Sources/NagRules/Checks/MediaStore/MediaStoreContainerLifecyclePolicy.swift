/// AwsSolutions-MS10: the container has an object lifecycle policy.
struct MediaStoreContainerLifecyclePolicy: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MediaStore::Container"],
        cause: "The MediaStore container does not define an object lifecycle policy.",
        explanation: "A lifecycle policy expires objects the container no longer needs, which limits storage cost and how long data stays exposed. (As in cdk-nag, the rule tests only that the setting is written; a value nag cannot resolve counts as written.)",
        fix: "Set LifecyclePolicy to a JSON lifecycle policy with rules for the container's paths.",
        examples: [
            .compliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  LifecyclePolicy: '{"rules":[]}'
            """),
            .nonCompliant("""
            Resources:
              ↓Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
            """),
            .nonCompliant("""
            Parameters:
              Enable:
                Type: String
                Default: "no"
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓LifecyclePolicy: !If [Enabled, '{"rules":[]}', !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Enable:
                Type: String
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  LifecyclePolicy: !If [Enabled, '{"rules":[]}', !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "LifecyclePolicy", in: context).requiringPresence()
    }
}
