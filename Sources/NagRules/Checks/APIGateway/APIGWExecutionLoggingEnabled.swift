/// AwsSolutions-APIG6: a REST API stage logs execution (ERROR or INFO) for all methods.
struct APIGWExecutionLoggingEnabled: Check {
    /// A stage's method settings, named by method and resource path; `*` and `/*` stand for all methods.
    static let methodSettings = SettingsList(nameFields: ["HttpMethod", "ResourcePath"], valueField: "LoggingLevel")

    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType],
        cause: "The REST API stage does not enable CloudWatch execution logging for all methods.",
        explanation: "Execution logs record how API Gateway handled each request (authorisation, integration, errors). They are what operators use to troubleshoot and analyse the stage's behaviour. They apply to every method only through a method setting with HttpMethod * and ResourcePath /*.",
        fix: "Add a MethodSettings entry with HttpMethod: \"*\", ResourcePath: \"/*\" and LoggingLevel: ERROR or INFO.",
        examples: [
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      LoggingLevel: INFO
            """),
            .nonCompliant("""
            Resources:
              ↓Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
            """),
            .nonCompliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  ↓MethodSettings:
                    - HttpMethod: GET
                      ResourcePath: /items
                      LoggingLevel: INFO
                    - HttpMethod: "*"
                      ResourcePath: /*
                      LoggingLevel: "OFF"
            """),
            .compliant("""
            Parameters:
              Level:
                Type: String
                Default: ERROR
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      LoggingLevel: !Ref Level
            """),
            .unknown("""
            Parameters:
              Level:
                Type: String
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      LoggingLevel: ↓!Ref Level
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Self.methodSettings.hasSetting(named: ["*", "/*"], in: "MethodSettings", of: resource, context: context) { level in
            if let why = level.unresolved { return .undecided(why) }
            return .from(level.string == "ERROR" || level.string == "INFO")
        }.outcome
    }
}
