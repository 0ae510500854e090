/// AwsSolutions-COG4: an API Gateway method (other than OPTIONS) uses a Cognito user pool authorizer.
struct CognitoUserPoolAPIGWAuthorizer: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::ApiGateway::Method"],
        cause: "The API Gateway method does not use a Cognito user pool authorizer.",
        explanation: "A Cognito user pool authorizer lets API Gateway check each caller's token before the request reaches the integration, so only signed-in users of the pool reach the backend. CORS preflight (OPTIONS) methods are not checked.",
        fix: "Set AuthorizationType to COGNITO_USER_POOLS and AuthorizerId to an AWS::ApiGateway::Authorizer of type COGNITO_USER_POOLS.",
        examples: [
            .compliant("""
            Resources:
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: res
                  HttpMethod: GET
                  AuthorizationType: COGNITO_USER_POOLS
                  AuthorizerId: auth
            """),
            .compliant("""
            Resources:
              Preflight:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: res
                  HttpMethod: OPTIONS
                  AuthorizationType: NONE
            """),
            .nonCompliant("""
            Resources:
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: res
                  HttpMethod: GET
                  ↓AuthorizationType: AWS_IAM
            """),
            .nonCompliant("""
            Resources:
              ↓Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: res
                  HttpMethod: GET
            """),
            .unknown("""
            Parameters:
              Auth:
                Type: String
            Resources:
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: res
                  HttpMethod: GET
                  AuthorizationType: ↓!Ref Auth
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let method = context.resolve(resource, "HttpMethod")
        if let why = method.unresolved { return .unknown(why) }
        if method.string == "OPTIONS" { return .notApplicable }
        let type = context.resolve(resource, "AuthorizationType")
        if let why = type.unresolved { return .unknown(why) }
        if type.isAbsent { return .violation(at: resource.position) }
        return type.string == "COGNITO_USER_POOLS" ? .compliant : .violation(at: resource.position(ofProperty: "AuthorizationType"))
    }
}
