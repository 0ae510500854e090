/// AwsSolutions-MS7: the container has a container policy.
struct MediaStoreContainerHasContainerPolicy: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MediaStore::Container"],
        cause: "The MediaStore container does not define a container policy.",
        explanation: "A container policy states who may perform which actions on the container. Without one, access rests only on IAM policies and the default of the account. (As in cdk-nag, the rule tests only that the setting is written; a value nag cannot resolve counts as written.)",
        fix: "Set Policy to a JSON policy document that grants only the access the container needs.",
        examples: [
            .compliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  Policy: '{"Version":"2012-10-17","Statement":[]}'
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
                  ↓Policy: !If [Enabled, '{"Version":"2012-10-17","Statement":[]}', !Ref AWS::NoValue]
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
                  Policy: !If [Enabled, '{"Version":"2012-10-17","Statement":[]}', !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "Policy", in: context).requiringPresence()
    }
}
