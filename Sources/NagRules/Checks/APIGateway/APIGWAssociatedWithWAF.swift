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
        let associations = context.index(AssociationArns.self)
        let found = stages.contains { stage in
            associations.texts(possiblyNaming: stage).contains { Self.matches(api: api, stage: stage, in: $0) }
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

/// The `ResourceArn` texts of the template's web ACL associations (as cdk-nag stringifies them, and
/// resolved), read once per template and indexed by every suffix of each run of word characters in them,
/// so a stage is matched against the few texts that can name it rather than every association.
///
/// A stage name ending in a word character can only occur (as ``CdkNagText/occurrences(of:in:allowingHyphen:)``
/// finds it) where that ending run is a suffix of a word run of the text, since the occurrence must be
/// followed by a non-word character or the end.
private struct AssociationArns: TemplateIndex {
    private let texts: [String]
    private let byRunSuffix: [String: [Int]]

    init(context: RuleContext) {
        var texts: [String] = []
        for association in context.graph.resources(ofType: APIGWAssociatedWithWAF.associationType) {
            let arn = association.properties["ResourceArn"]
            texts += [CdkNagText.stringify(arn), context.resolve(arn).string].compactMap { $0 }
        }
        var byRunSuffix: [String: [Int]] = [:]
        for (offset, text) in texts.enumerated() {
            for run in text.split(whereSeparator: { !Self.isWordCharacter($0) }) {
                for start in run.indices { byRunSuffix[String(run[start...]), default: []].append(offset) }
            }
        }
        self.texts = texts
        self.byRunSuffix = byRunSuffix
    }

    /// The texts in which `stage` may occur, in document order: all of them when it does not end in a word
    /// character.
    func texts(possiblyNaming stage: String) -> [String] {
        let ending = String(stage.reversed().prefix(while: Self.isWordCharacter).reversed())
        guard !ending.isEmpty else { return texts }
        return Set(byRunSuffix[ending] ?? []).sorted().map { texts[$0] }
    }

    /// A character that continues a name (a following one blocks a match).
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
