/// An AppSync GraphQL API traces its requests with AWS X-Ray.
struct AppSyncTracing: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::AppSync::GraphQLApi"],
        cause: "The AppSync GraphQL API does not trace requests with X-Ray.",
        explanation: "A GraphQL request fans out to resolvers and data sources; X-Ray records each step with its latency and errors. Without tracing, a slow or failing query cannot be traced to the resolver or data source responsible.",
        fix: "Set XrayEnabled to true on the GraphQL API.",
        examples: [
            .compliant("""
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: orders
                  AuthenticationType: AWS_IAM
                  XrayEnabled: true
            """),
            .nonCompliant("""
            Parameters:
              Tracing:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "true"
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: orders
                  AuthenticationType: AWS_IAM
                  ↓XrayEnabled: !Ref Tracing
            """, when: "Tracing=false"),
            .nonCompliant("""
            Resources:
              ↓Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: orders
                  AuthenticationType: AWS_IAM
            """),
            .nonCompliant("""
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: orders
                  AuthenticationType: AWS_IAM
                  ↓XrayEnabled: false
            """),
            .unknown("""
            Parameters:
              Tracing:
                Type: String
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: orders
                  AuthenticationType: AWS_IAM
                  XrayEnabled: ↓!Ref Tracing
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("XrayEnabled", of: resource, in: context)
    }
}
