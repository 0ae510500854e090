/// AwsSolutions-MS8: the container has a CORS policy.
struct MediaStoreContainerCORSPolicy: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MediaStore::Container"],
        cause: "The MediaStore container does not define a CORS policy.",
        explanation: "A CORS policy names the web origins, methods and headers allowed to use the container from a browser. Without one, browser access cannot be scoped to the applications that need it.",
        fix: "Set CorsPolicy to a list of rules with AllowedOrigins, AllowedMethods and AllowedHeaders.",
        examples: [
            .compliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  CorsPolicy:
                    - AllowedOrigins: ["https://www.example.com"]
                      AllowedMethods: [GET, HEAD]
                      AllowedHeaders: ["*"]
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
                  ↓CorsPolicy: []
            """),
            .nonCompliant("""
            Parameters:
              Web:
                Type: String
                Default: "no"
            Conditions:
              IsWeb: !Equals [!Ref Web, "yes"]
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓CorsPolicy: !If [IsWeb, [{AllowedOrigins: ["*"]}], !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Web:
                Type: String
            Conditions:
              IsWeb: !Equals [!Ref Web, "yes"]
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  CorsPolicy: !If [IsWeb, [{AllowedOrigins: ["*"]}], !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        // As in cdk-nag: a missing policy or a literal empty list; a value nag cannot resolve counts as a policy.
        let cors = PropertyLookup.find(resource, "CorsPolicy", in: context)
        if cors.resolved.isAbsent || cors.resolved.list?.isEmpty == true { return .violation(at: cors.position) }
        return .compliant
    }
}
