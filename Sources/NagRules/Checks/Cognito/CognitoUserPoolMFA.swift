/// AwsSolutions-COG2: a user pool requires multi-factor authentication.
struct CognitoUserPoolMFA: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Cognito::UserPool"],
        cause: "The Cognito user pool does not require MFA.",
        explanation: "With a password as the only factor, a leaked or guessed password is enough to take over an account. Requiring a second factor (an authenticator app or SMS code) stops that.",
        fix: "Set MfaConfiguration to ON (and configure EnabledMfas).",
        examples: [
            .compliant("""
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  MfaConfiguration: "ON"
                  EnabledMfas: [SOFTWARE_TOKEN_MFA]
            """),
            .nonCompliant("""
            Resources:
              ↓Users:
                Type: AWS::Cognito::UserPool
            """),
            .nonCompliant("""
            Parameters:
              Mfa:
                Type: String
                Default: OPTIONAL
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  ↓MfaConfiguration: !Ref Mfa
            """),
            // Unquoted ON is a YAML 1.1 boolean, as CloudFormation reads it (cdk-nag reads the string "ON").
            .nonCompliant("""
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  ↓MfaConfiguration: ON
            """),
            .unknown("""
            Parameters:
              Mfa:
                Type: String
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  MfaConfiguration: ↓!Ref Mfa
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let mfa = context.resolve(resource, "MfaConfiguration")
        if let why = mfa.unresolved { return .unknown(why) }
        if mfa.isAbsent { return .violation(at: resource.position) }
        return mfa.string == "ON" ? .compliant : .violation(at: resource.position(ofProperty: "MfaConfiguration"))
    }
}
