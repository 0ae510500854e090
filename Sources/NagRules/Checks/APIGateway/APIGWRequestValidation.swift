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
        let validators = context.index(ResourcesByProperty<ValidatorApi>.self).resources(naming: resource.logicalId)
        return Verdict.some(validators, otherwise: .fails(at: resource.position)) { validator in
            // Body first, then parameters: the first that is not true decides.
            for key in ["ValidateRequestBody", "ValidateRequestParameters"] {
                let value = context.resolve(validator, key)
                if let why = value.unresolved { return .undecided(why) }
                if value.bool != true { return .fails }
            }
            return .holds
        }.outcome
    }

    /// Request validators by the REST API their `RestApiId` names.
    private enum ValidatorApi: IndexedProperty {
        static let type = validatorType
        static let property = "RestApiId"
    }
}
