/// AwsSolutions-COG1: a user pool's password policy asks for at least 8 characters with upper case, numbers
/// and symbols.
struct CognitoUserPoolStrongPasswordPolicy: Check {
    static let required = ["RequireUppercase", "RequireNumbers", "RequireSymbols"]

    let about = CheckAbout(
        resourceTypes: ["AWS::Cognito::UserPool"],
        cause: "The Cognito user pool's password policy is weaker than 8 characters with upper case, numbers and symbols.",
        explanation: "Short passwords of one character class are guessed or cracked quickly. Requiring a minimum length of 8 with upper-case letters, digits and symbols makes every user's password harder to guess. (As in cdk-nag, lower case is not required.)",
        fix: "Set Policies.PasswordPolicy with MinimumLength 8 or more and RequireUppercase, RequireNumbers and RequireSymbols true.",
        examples: [
            .compliant("""
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  Policies:
                    PasswordPolicy:
                      MinimumLength: 12
                      RequireUppercase: true
                      RequireNumbers: "true"
                      RequireSymbols: true
            """),
            .nonCompliant("""
            Resources:
              ↓Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  UserPoolName: users
            """),
            .nonCompliant("""
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  Policies:
                    PasswordPolicy:
                      ↓MinimumLength: 6
                      RequireUppercase: true
                      RequireNumbers: true
                      RequireSymbols: true
            """),
            .nonCompliant("""
            Parameters:
              Symbols:
                Type: String
                Default: "false"
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  Policies:
                    PasswordPolicy:
                      MinimumLength: 8
                      RequireUppercase: true
                      RequireNumbers: true
                      ↓RequireSymbols: !Ref Symbols
            """),
            .unknown("""
            Parameters:
              Length:
                Type: Number
            Resources:
              Users:
                Type: AWS::Cognito::UserPool
                Properties:
                  Policies:
                    PasswordPolicy:
                      MinimumLength: ↓!Ref Length
                      RequireUppercase: true
                      RequireNumbers: true
                      RequireSymbols: true
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let policy = context.resolver.resolve(resource[property: "Policies"], at: "PasswordPolicy")
        if let why = policy.unresolved { return .unknown(why) }
        guard let map = policy.map else { return .violation(at: resource.position, "no password policy") }
        let length = context.resolve(map["MinimumLength"])
        if let why = length.unresolved { return .unknown(why) }
        guard let minimum = length.number, minimum >= 8 else {
            return .violation(at: map.entry("MinimumLength")?.keyPosition ?? resource.position, "MinimumLength is not 8 or more")
        }
        for setting in Self.required {
            let value = context.resolve(map[setting])
            if let why = value.unresolved { return .unknown(why) }
            if value.bool != true {
                return .violation(at: map.entry(setting)?.keyPosition ?? resource.position, "\(setting) is not true")
            }
        }
        return .compliant
    }
}
