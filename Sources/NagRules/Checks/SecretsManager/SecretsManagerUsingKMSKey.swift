/// A secret is encrypted with a KMS key of its own: `KmsKeyId` is set, and not to the default `aws/secretsmanager` key.
struct SecretsManagerUsingKMSKey: Check {
    static let defaultKey = "aws/secretsmanager"

    let about = CheckAbout(
        resourceTypes: ["AWS::SecretsManager::Secret"],
        cause: "The secret is encrypted with the AWS managed key rather than a customer managed KMS key.",
        explanation: "Anyone in the account with permission to read the secret can decrypt it with the AWS managed key, whose policy cannot be changed. With a customer managed key, decryption needs permission on the key too: access can be narrowed, shared across accounts, audited and revoked separately from the secret.",
        fix: "Set KmsKeyId to a customer managed KMS key (its ARN, id or alias), granting kms:Decrypt to those who read the secret.",
        examples: [
            .compliant("""
            Resources:
              DbPassword:
                Type: AWS::SecretsManager::Secret
                Properties:
                  KmsKeyId: !GetAtt SecretsKey.Arn
                  GenerateSecretString: {PasswordLength: 32}
              SecretsKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {}
            """),
            .nonCompliant("""
            Resources:
              ↓DbPassword:
                Type: AWS::SecretsManager::Secret
                Properties:
                  GenerateSecretString: {PasswordLength: 32}
            """),
            .nonCompliant("""
            Resources:
              DbPassword:
                Type: AWS::SecretsManager::Secret
                Properties:
                  ↓KmsKeyId: aws/secretsmanager
            """),
            .nonCompliant("""
            Parameters:
              Key:
                Type: String
                Default: aws/secretsmanager
            Resources:
              DbPassword:
                Type: AWS::SecretsManager::Secret
                Properties:
                  ↓KmsKeyId: !Ref Key
            """),
            .unknown("""
            Parameters:
              Key:
                Type: String
            Resources:
              DbPassword:
                Type: AWS::SecretsManager::Secret
                Properties:
                  KmsKeyId: ↓!Ref Key
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "KmsKeyId"], in: context) {
        case .absent: return .violation(at: resource.position, "KmsKeyId is not set")
        case .unknown(let why): return .unknown(why)
        case .present: break
        }
        switch context.resolve(resource, "KmsKeyId") {
        case .unknown(let why): return .unknown(why)
        case .value(let key) where key.scalarText == Self.defaultKey:
            return .violation(at: resource.position(ofProperty: "KmsKeyId"), "KmsKeyId is the AWS managed key")
        default: return .compliant
        }
    }
}
