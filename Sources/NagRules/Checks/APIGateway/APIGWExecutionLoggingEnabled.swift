/// AwsSolutions-APIG6: a REST API stage logs execution (ERROR or INFO) for all methods.
struct APIGWExecutionLoggingEnabled: Check {
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
        guard let settings = ComputeValues.items(resource.properties["MethodSettings"], in: context) else {
            return .violation(at: resource.position)
        }
        let items: [Resolved]
        switch settings {
        case .failure(let why): return .unknown(why)
        case .success(let list): items = list
        }
        var undecided: Unresolved?
        for item in items {
            guard let map = item.map else {
                if let why = item.unresolved { undecided = undecided ?? why }
                continue
            }
            let method = context.resolve(map["HttpMethod"])
            let path = context.resolve(map["ResourcePath"])
            let level = context.resolve(map["LoggingLevel"])
            if let why = method.unresolved ?? path.unresolved { undecided = undecided ?? why; continue }
            guard method.string == "*", path.string == "/*" else { continue }
            if let why = level.unresolved { undecided = undecided ?? why; continue }
            if level.string == "ERROR" || level.string == "INFO" { return .compliant }
        }
        if let undecided { return .unknown(undecided) }
        return .violation(at: resource.properties.entry("MethodSettings")?.keyPosition ?? resource.position)
    }
}
