/// AwsSolutions-APIG3: a REST API stage is associated with a WAFv2 web ACL.
struct APIGWAssociatedWithWAF: Check {
    static let associationType = "AWS::WAFv2::WebACLAssociation"

    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType],
        cause: "The REST API stage is not associated with AWS WAFv2 web ACL.",
        explanation: "AWS WAF filters the requests reaching an API before API Gateway handles them, blocking common web exploits, abusive clients and request floods.",
        fix: "Add an AWS::WAFv2::WebACLAssociation whose ResourceArn is the stage's ARN (arn:…:apigateway:<region>::/restapis/<api>/stages/<stage>).",
        examples: [
            .compliant("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
              Shield:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  WebACLArn: arn:aws:wafv2:us-east-1:111122223333:regional/webacl/x/1
                  ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod
            """),
            .nonCompliant("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              ↓Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
            """),
            .nonCompliant("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              ↓Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
              Shield:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  WebACLArn: arn:aws:wafv2:us-east-1:111122223333:regional/webacl/x/1
                  ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/production
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let api = APIGWStages.referencedName(resource.properties["RestApiId"])
        var stages = [resource.logicalId]
        if let name = APIGWStages.referencedName(resource.properties["StageName"]) { stages.append(name) }
        let found = context.graph.resources(ofType: Self.associationType).contains { association in
            let arn = association.properties["ResourceArn"]
            let texts = [CdkNagText.stringify(arn), context.resolve(arn).string].compactMap { $0 }
            return texts.contains { text in stages.contains { Self.matches(api: api, stage: $0, in: text) } }
        }
        return found ? .compliant : .violation(at: resource.position)
    }

    /// cdk-nag's `<api>.+<stage>(?![\w])`: the API id, at least one character, then the stage not followed by a word character.
    static func matches(api: String?, stage: String, in text: String) -> Bool {
        let searchFrom: String.Index
        if let api {
            guard let range = text.firstRange(of: api), range.upperBound < text.endIndex else { return false }
            searchFrom = text.index(after: range.upperBound)
        } else {
            guard text.count > 1 else { return false }
            searchFrom = text.index(after: text.startIndex)
        }
        return CdkNagText.occurrences(of: stage, in: text, allowingHyphen: true).contains { end in
            text.index(end, offsetBy: -stage.count) >= searchFrom
        }
    }
}
