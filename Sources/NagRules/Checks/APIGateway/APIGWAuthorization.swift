/// AwsSolutions-APIG4: API methods and routes require authorization (CORS preflight methods excepted).
struct APIGWAuthorization: Check {
    static let methodType = "AWS::ApiGateway::Method"
    static let routeType = "AWS::ApiGatewayV2::Route"

    let about = CheckAbout(
        resourceTypes: [methodType, routeType],
        cause: "The API method or route does not implement authorization.",
        explanation: "Without authorization anyone who finds the endpoint can call it. IAM, a Cognito user pool or a Lambda authorizer decides who may. An OPTIONS method that only answers CORS preflight requests (every response 204 with Access-Control-Allow-* headers) is exempt.",
        fix: "Set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS, CUSTOM (REST) or JWT (HTTP API), with an authorizer where needed.",
        examples: [
            .compliant("""
            Resources:
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: abc123
                  ResourceId: def456
                  HttpMethod: GET
                  AuthorizationType: AWS_IAM
            """),
            .compliant("""
            Resources:
              Preflight:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: abc123
                  ResourceId: def456
                  HttpMethod: OPTIONS
                  AuthorizationType: NONE
                  MethodResponses:
                    - StatusCode: 204
                      ResponseParameters:
                        method.response.header.Access-Control-Allow-Origin: true
            """),
            .nonCompliant("""
            Resources:
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: abc123
                  ResourceId: def456
                  HttpMethod: GET
                  ↓AuthorizationType: NONE
            """),
            .nonCompliant("""
            Resources:
              ↓Route:
                Type: AWS::ApiGatewayV2::Route
                Properties:
                  ApiId: abc123
                  RouteKey: GET /items
            """),
            .unknown("""
            Parameters:
              Auth:
                Type: String
            Resources:
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: abc123
                  ResourceId: def456
                  HttpMethod: GET
                  AuthorizationType: ↓!Ref Auth
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == Self.methodType {
            let method = Scalar(resource, "HttpMethod", in: context)
            if let why = method.unresolved { return .unknown(why) }
            if method.text == "OPTIONS", isCORSPreflight(resource, in: context) { return .notApplicable }
        }
        let authorization = Scalar(resource, "AuthorizationType", in: context)
        if let why = authorization.unresolved { return .unknown(why) }
        if authorization.isAbsent { return .violation(at: resource.position) }
        return authorization.text == "NONE" ? .violation(at: resource.position(ofProperty: "AuthorizationType")) : .compliant
    }

    /// Every method response is a 204 with an `Access-Control-Allow-*` header parameter set to true.
    private func isCORSPreflight(_ method: Resource, in context: RuleContext) -> Bool {
        guard let responses = context.resolve(method, "MethodResponses").list else { return false }
        return responses.allSatisfy { item in
            guard let response = context.resolve(item).map,
                  context.resolve(response["StatusCode"]).string == "204" else { return false }
            let parameters = context.resolve(response["ResponseParameters"]).map
            return parameters?.entries.contains {
                $0.key.hasPrefix("method.response.header.Access-Control-Allow-") && context.resolve($0.value).bool == true
            } ?? false
        }
    }
}
