/// An API Gateway stage sets its own default throttling limits (rate and burst) for all its methods or routes.
struct APIGWDefaultThrottling: Check {
    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType, APIGWStages.v2StageType],
        cause: "The API Gateway stage does not set default throttling limits.",
        explanation: "Without limits of its own, a stage is throttled only by the account-wide quota it shares with every other API in the region: one busy or abused API can exhaust it for all, and the backend sees whatever load clients send. A rate and a burst limit for all methods (REST) or as the default route settings (HTTP and WebSocket) cap the load per stage.",
        fix: "REST API stage: add a MethodSettings entry with HttpMethod: \"*\", ResourcePath: \"/*\", ThrottlingRateLimit and ThrottlingBurstLimit. HTTP or WebSocket API stage: set DefaultRouteSettings.ThrottlingRateLimit and ThrottlingBurstLimit.",
        examples: [
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      ThrottlingRateLimit: 100
                      ThrottlingBurstLimit: 200
            """),
            .compliant("""
            Parameters:
              Rate:
                Type: Number
            Resources:
              Default:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: abc123
                  StageName: $default
                  DefaultRouteSettings:
                    ThrottlingRateLimit: !Ref Rate
                    ThrottlingBurstLimit: 50
            """),
            .nonCompliant("""
            Resources:
              ↓Prod:
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
                  ↓MethodSettings:
                    - HttpMethod: GET
                      ResourcePath: /orders
                      ThrottlingRateLimit: 100
                      ThrottlingBurstLimit: 200
                    - HttpMethod: "*"
                      ResourcePath: /*
                      ThrottlingRateLimit: 100
            """),
            .nonCompliant("""
            Resources:
              ↓Default:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: abc123
                  StageName: $default
            """),
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Default:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: abc123
                  StageName: $default
                  ↓DefaultRouteSettings:
                    ThrottlingRateLimit: 100
                    ThrottlingBurstLimit: !If [Production, 200, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Method:
                Type: String
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  MethodSettings:
                    - HttpMethod: ↓!Ref Method
                      ResourcePath: /*
                      ThrottlingRateLimit: 100
                      ThrottlingBurstLimit: 200
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        resource.type == APIGWStages.v2StageType ? routeDefaults(of: resource, in: context) : methodDefaults(of: resource, in: context)
    }

    /// A REST API stage: a method setting for all methods sets both limits.
    private func methodDefaults(of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let settings: [Resolved]
        switch PropertyLookup.items(resource[property: "MethodSettings"], in: context) {
        case nil: return .violation(at: resource.position, "MethodSettings is not set")
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?: settings = items
        }
        let none = Verdict.fails(at: resource.position(ofProperty: "MethodSettings"),
                                 "no method setting for all methods sets both throttling limits")
        return Verdict.someMap(in: settings, otherwise: none) { setting in
            Verdict.every([
                APIGWMethodSettings.coversAllMethods(setting, in: context),
                APIGWMethodSettings.isSet(setting["ThrottlingBurstLimit"], in: context),
                APIGWMethodSettings.isSet(setting["ThrottlingRateLimit"], in: context),
            ]) { $0 }
        }.outcome
    }

    /// An HTTP or WebSocket API stage: the default route settings set both limits.
    private func routeDefaults(of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let defaults = PropertyLookup.find(resource, "DefaultRouteSettings", in: context)
        if defaults.resolved.isAbsent { return .violation(at: resource.position, "DefaultRouteSettings is not set") }
        if let why = defaults.resolved.unresolved { return .unknown(why) }
        let map = defaults.resolved.map
        let limits = Verdict.every([
            APIGWMethodSettings.isSet(map?["ThrottlingBurstLimit"], in: context),
            APIGWMethodSettings.isSet(map?["ThrottlingRateLimit"], in: context),
        ]) { $0 }
        return limits.truth == .fails
            ? .violation(at: defaults.position, "DefaultRouteSettings does not set both throttling limits") : limits.outcome
    }
}
