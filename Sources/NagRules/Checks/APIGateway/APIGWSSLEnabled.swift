/// A REST API stage has a client certificate with which API Gateway authenticates itself to the backend.
struct APIGWSSLEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType],
        cause: "The REST API stage has no client certificate for calls to its backend.",
        explanation: "A backend behind API Gateway cannot tell calls from the stage apart from calls made by anyone else who can reach it. With a client certificate, API Gateway presents that certificate on every integration request, and the backend can verify it and refuse every other caller.",
        fix: "Create an AWS::ApiGateway::ClientCertificate, set the stage's ClientCertificateId to it, and have the backend verify the certificate.",
        examples: [
            .compliant("""
            Resources:
              Certificate:
                Type: AWS::ApiGateway::ClientCertificate
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ClientCertificateId: !Ref Certificate
            """),
            .compliant("""
            Parameters:
              CertificateId:
                Type: String
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ClientCertificateId: !Ref CertificateId
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
            Parameters:
              CertificateId:
                Type: String
                Default: ""
            Conditions:
              HasCertificate: !Not [!Equals [!Ref CertificateId, ""]]
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ↓ClientCertificateId: !If [HasCertificate, !Ref CertificateId, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              CertificateId:
                Type: String
            Conditions:
              HasCertificate: !Not [!Equals [!Ref CertificateId, ""]]
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ClientCertificateId: ↓!If [HasCertificate, !Ref CertificateId, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("ClientCertificateId", of: resource, in: context)
    }
}
