/// AwsSolutions-COG8: a user pool is on the Plus feature plan.
struct CognitoUserPoolPlusTier: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Cognito::UserPool"],
        cause: "The Cognito user pool is not on the Plus feature plan.",
        explanation: "The Plus plan adds threat protection: Cognito detects sign-ins that look compromised and can block them or ask for a second factor, and it refuses passwords known to have leaked.",
        fix: "Set UserPoolTier to PLUS.",
        examples: [
            .compliant("""
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  UserPoolTier: PLUS
            """),
            .nonCompliant("""
            Resources:
              ↓Users:
                Type: AWS::Cognito::UserPool
            """),
            .nonCompliant("""
            Parameters:
              Tier:
                Type: String
                Default: ESSENTIALS
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  ↓UserPoolTier: !Ref Tier
            """),
            .unknown("""
            Parameters:
              Tier:
                Type: String
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  UserPoolTier: ↓!Ref Tier
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let tier = context.resolve(resource, "UserPoolTier")
        if let why = tier.unresolved { return .unknown(why) }
        if tier.isAbsent { return .violation(at: resource.position) }
        return tier.string == "PLUS" ? .compliant : .violation(at: resource.position(ofProperty: "UserPoolTier"))
    }
}
