/// A REST API stage traces its requests with AWS X-Ray.
struct APIGWXrayEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType],
        cause: "The REST API stage does not trace requests with X-Ray.",
        explanation: "X-Ray follows each request from API Gateway through the services it calls and shows where time goes and where errors start. Without it, a slow or failing request through the API is hard to pin on the stage, its integration or a downstream service.",
        fix: "Set TracingEnabled to true on the stage (with the CDK, tracingEnabled in the stage options).",
        examples: [
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  TracingEnabled: true
            """),
            .compliant("""
            Parameters:
              Tracing:
                Type: String
                Default: "true"
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  TracingEnabled: !Ref Tracing
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
                  ↓TracingEnabled: "false"
            """),
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ↓TracingEnabled: !If [Production, true, false]
            """),
            .unknown("""
            Parameters:
              Tracing:
                Type: String
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  TracingEnabled: ↓!Ref Tracing
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let tracing = Scalar(resource, "TracingEnabled", in: context)
        if tracing.isAbsent { return .violation(at: resource.position, "TracingEnabled is not set") }
        if let why = tracing.unresolved { return .unknown(why) }
        return tracing.bool == true
            ? .compliant : .violation(at: resource.position(ofProperty: "TracingEnabled"), "TracingEnabled is not true")
    }
}
