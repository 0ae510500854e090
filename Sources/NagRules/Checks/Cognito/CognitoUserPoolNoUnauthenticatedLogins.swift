/// AwsSolutions-COG7: an identity pool does not allow unauthenticated (guest) identities.
struct CognitoUserPoolNoUnauthenticatedLogins: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Cognito::IdentityPool"],
        cause: "The Cognito identity pool allows unauthenticated logins.",
        explanation: "Guest identities get AWS credentials without signing in, so anyone on the internet receives the permissions of the pool's unauthenticated role. Few applications need that; where one does, a suppression should say why.",
        fix: "Set AllowUnauthenticatedIdentities to false, or suppress the finding with the reason guest access is needed.",
        examples: [
            .compliant("""
            Resources:
              Identities:
                Type: AWS::Cognito::IdentityPool
                Properties:
                  AllowUnauthenticatedIdentities: false
            """),
            .nonCompliant("""
            Resources:
              Identities:
                Type: AWS::Cognito::IdentityPool
                Properties:
                  ↓AllowUnauthenticatedIdentities: "true"
            """),
            .nonCompliant("""
            Parameters:
              Guests:
                Type: String
                Default: "true"
            Resources:
              Identities:
                Type: AWS::Cognito::IdentityPool
                Properties:
                  ↓AllowUnauthenticatedIdentities: !Ref Guests
            """),
            .compliant("""
            Parameters:
              Guests:
                Type: String
                Default: false
            Resources:
              Identities:
                Type: AWS::Cognito::IdentityPool
                Properties:
                  AllowUnauthenticatedIdentities: !Ref Guests
            """),
            .unknown("""
            Parameters:
              Guests:
                Type: String
            Resources:
              Identities:
                Type: AWS::Cognito::IdentityPool
                Properties:
                  AllowUnauthenticatedIdentities: ↓!Ref Guests
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let allow = context.resolve(resource, "AllowUnauthenticatedIdentities")
        if let why = allow.unresolved { return .unknown(why) }
        return allow.bool == true ? .violation(at: resource.position(ofProperty: "AllowUnauthenticatedIdentities")) : .compliant
    }
}
