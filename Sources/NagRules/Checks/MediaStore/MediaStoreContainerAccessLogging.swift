/// AwsSolutions-MS1: the container sends access logs to CloudWatch Logs.
struct MediaStoreContainerAccessLogging: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MediaStore::Container"],
        cause: "The MediaStore container does not have access logging enabled.",
        explanation: "Access logs record each request made to the container's objects. Without them, who read or changed media cannot be established after the fact.",
        fix: "Set AccessLoggingEnabled to true.",
        examples: [
            .compliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  AccessLoggingEnabled: true
            """),
            .nonCompliant("""
            Resources:
              ↓Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
            """),
            .nonCompliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓AccessLoggingEnabled: false
            """),
            .nonCompliant("""
            Parameters:
              Logging:
                Type: String
                Default: "false"
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓AccessLoggingEnabled: !Ref Logging
            """),
            .unknown("""
            Parameters:
              Logging:
                Type: String
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  AccessLoggingEnabled: ↓!Ref Logging
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "AccessLoggingEnabled", in: context).requiringTrue()
    }
}
