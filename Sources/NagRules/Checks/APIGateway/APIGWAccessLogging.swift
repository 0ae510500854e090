/// AwsSolutions-APIG1: REST and HTTP/WebSocket API stages write access logs.
struct APIGWAccessLogging: Check {
    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType, APIGWStages.v2StageType],
        cause: "The API Gateway stage does not have access logging enabled.",
        explanation: "Access logs record who called an API, how and with what result. Without them, misuse of the API cannot be traced. A stage logs when its access log settings give both a destination and a format.",
        fix: "Set AccessLogSetting (REST) or AccessLogSettings (HTTP/WebSocket) with DestinationArn (a log group ARN) and Format.",
        examples: [
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  AccessLogSetting:
                    DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:api
                    Format: $context.requestId
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
              ↓Prod:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: abc123
                  StageName: prod
                  AccessLogSettings:
                    DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:api
            """),
            .unknown("""
            Parameters:
              Logs:
                Type: String
            Conditions:
              Log: !Equals [!Ref Logs, "yes"]
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  AccessLogSetting: ↓!If
                    - Log
                    - DestinationArn: arn:aws:logs:us-east-1:111122223333:log-group:api
                      Format: $context.requestId
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let key = resource.type == APIGWStages.v2StageType ? "AccessLogSettings" : "AccessLogSetting"
        switch Presence(resource.properties[key], in: context) {
        case .absent: return .violation(at: resource.position)
        case .unknown(let why): return .unknown(why)
        case .present: break
        }
        // A setting that is not a literal map (a Ref, an undecidable Fn::If) is taken as set, as cdk-nag does.
        guard let map = context.resolve(resource, key).map else { return .compliant }
        for field in ["DestinationArn", "Format"] {
            switch Presence(map[field], in: context) {
            case .absent: return .violation(at: resource.position)
            case .unknown(let why): return .unknown(why)
            case .present: continue
            }
        }
        return .compliant
    }
}
