/// An API Gateway stage or API that writes access logs writes them as JSON.
struct APIGWStructuredLogging: Check {
    /// Where each resource type holds its access log setting. For the SAM HTTP API this is where cdk-nag
    /// reads it (`AccessLogSetting`), not SAM's `AccessLogSettings`.
    static let settingPaths: [String: [String]] = [
        APIGWStages.stageType: ["AccessLogSetting"],
        "AWS::ApiGateway::Deployment": ["StageDescription", "AccessLogSetting"],
        APIGWStages.v2StageType: ["AccessLogSettings"],
        "AWS::Serverless::Api": ["AccessLogSetting"],
        "AWS::Serverless::HttpApi": ["AccessLogSetting"],
    ]

    let about = CheckAbout(
        resourceTypes: Set(Self.settingPaths.keys),
        cause: "The API Gateway access log format is not JSON.",
        explanation: "Access logs in a free-text format (such as CLF) have to be parsed with patterns before they can be searched. JSON logs can be queried field by field in CloudWatch Logs Insights and read by log tooling as they are. Stages without access logging are left to the access logging rules.",
        fix: "Write the access log setting's Format as a JSON object of $context variables, e.g. {\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}.",
        examples: [
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  AccessLogSetting:
                    DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
                    Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
            """),
            .compliant("""
            Parameters:
              Stage:
                Type: String
                Default: prod
            Resources:
              Default:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: abc123
                  StageName: $default
                  AccessLogSettings:
                    DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
                    Format: !Sub '{"requestId":"$context.requestId","stage":"${Stage}"}'
            """),
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
            """),
            .nonCompliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  AccessLogSetting:
                    DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
                    ↓Format: $context.identity.sourceIp $context.requestId [$context.requestTime] $context.status
            """),
            .nonCompliant("""
            Resources:
              Deployment:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: abc123
                  StageName: prod
                  StageDescription:
                    ↓AccessLogSetting:
                      DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
            """),
            .unknown("""
            Parameters:
              Format:
                Type: String
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  AccessLogSetting:
                    DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api-access
                    Format: ↓!Ref Format
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        guard let path = Self.settingPaths[resource.type] else { return .notApplicable }
        let setting = PropertyLookup.find(resource, path, in: context)
        let map: ValueMap?
        switch setting.resolved {
        case .absent: return .notApplicable
        case .unknown(let why): return .unknown(why)
        case .resource: map = nil
        case .value(let value):
            if value.isNull || value.scalarText == "" { return .notApplicable }
            map = value.mapValue
        }
        let where_ = PropertyLookup.position(of: "Format", in: map, else: setting.position)
        switch context.resolve(map?["Format"]) {
        case .unknown(let why): return .unknown(why)
        case .value(let format):
            if let text = format.scalarText, JavaScriptJSON.isValid(text) { return .compliant }
            return .violation(at: where_, "the access log format is not JSON")
        case .absent, .resource:
            return .violation(at: where_, "the access log setting has no Format")
        }
    }
}
