/// AwsSolutions-ASC3: a GraphQL API logs requests to CloudWatch Logs, verbose content included.
struct AppSyncGraphQLRequestLogging: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::AppSync::GraphQLApi"],
        cause: "The AppSync GraphQL API does not have request-level logging enabled.",
        explanation: "Request logs in CloudWatch Logs record who called the API, how, and which requests failed; without them misuse and errors go unseen.",
        fix: "Set LogConfig with CloudWatchLogsRoleArn (a role AppSync can use to write logs) and do not set ExcludeVerboseContent to true.",
        examples: [
            .compliant("""
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: api
                  AuthenticationType: AWS_IAM
                  LogConfig:
                    CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/appsync-logs
                    FieldLogLevel: ERROR
            """),
            .nonCompliant("""
            Resources:
              ↓Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: api
                  AuthenticationType: AWS_IAM
            """),
            .nonCompliant("""
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: api
                  AuthenticationType: AWS_IAM
                  ↓LogConfig:
                    FieldLogLevel: ALL
            """),
            .nonCompliant("""
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: api
                  AuthenticationType: AWS_IAM
                  LogConfig:
                    CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/appsync-logs
                    ↓ExcludeVerboseContent: true
            """),
            .unknown("""
            Parameters:
              Exclude:
                Type: String
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties:
                  Name: api
                  AuthenticationType: AWS_IAM
                  LogConfig:
                    CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/appsync-logs
                    ExcludeVerboseContent: ↓!Ref Exclude
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let log = context.resolve(resource, "LogConfig")
        if let why = log.unresolved { return .unknown(why) }
        guard let map = log.map else { return .violation(at: log.isAbsent ? resource.position : resource.position(ofProperty: "LogConfig")) }
        let exclude = context.resolve(map["ExcludeVerboseContent"])
        if let why = exclude.unresolved { return .unknown(why) }
        if exclude.bool == true { return .violation(at: map.entry("ExcludeVerboseContent")?.keyPosition ?? resource.position) }
        if context.resolve(map["CloudWatchLogsRoleArn"]).isAbsent { return .violation(at: resource.position(ofProperty: "LogConfig")) }
        return .compliant
    }
}
