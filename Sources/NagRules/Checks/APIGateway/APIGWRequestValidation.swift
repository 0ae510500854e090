/// AwsSolutions-APIG2: a REST API has a request validator that checks bodies and parameters.
struct APIGWRequestValidation: Check {
    static let validatorType = "AWS::ApiGateway::RequestValidator"

    let about = CheckAbout(
        resourceTypes: [APIGWStages.restApiType],
        cause: "The REST API does not have request validation enabled.",
        explanation: "Basic request validation makes API Gateway reject requests whose body or required parameters do not match the method's model before they reach the integration, so malformed input is stopped at the edge and the back end does less work.",
        fix: "Add an AWS::ApiGateway::RequestValidator with RestApiId: !Ref <the API>, ValidateRequestBody: true and ValidateRequestParameters: true.",
        examples: [
            .compliant("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              Validator:
                Type: AWS::ApiGateway::RequestValidator
                Properties:
                  RestApiId: !Ref Api
                  ValidateRequestBody: true
                  ValidateRequestParameters: "true"
            """),
            .nonCompliant("""
            Resources:
              ↓Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              Validator:
                Type: AWS::ApiGateway::RequestValidator
                Properties:
                  RestApiId: !Ref Api
                  ValidateRequestBody: true
            """),
            .compliant("""
            Parameters:
              Validate:
                Type: String
                Default: "true"
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              Validator:
                Type: AWS::ApiGateway::RequestValidator
                Properties:
                  RestApiId: !Ref Api
                  ValidateRequestBody: !Ref Validate
                  ValidateRequestParameters: !Ref Validate
            """),
            .unknown("""
            Parameters:
              Validate:
                Type: String
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              Validator:
                Type: AWS::ApiGateway::RequestValidator
                Properties:
                  RestApiId: !Ref Api
                  ValidateRequestBody: ↓!Ref Validate
                  ValidateRequestParameters: true
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        var undecided: Unresolved?
        for validator in context.graph.resources(ofType: Self.validatorType) {
            guard ComputeValues.resourceName(validator.properties["RestApiId"], in: context) == resource.logicalId else { continue }
            var validates = true
            for key in ["ValidateRequestBody", "ValidateRequestParameters"] {
                let value = context.resolve(validator.properties[key])
                if let why = value.unresolved { undecided = undecided ?? why; validates = false; break }
                if value.bool != true { validates = false; break }
            }
            if validates { return .compliant }
        }
        if let undecided { return .unknown(undecided) }
        return .violation(at: resource.position)
    }
}
