/// CloudWatch Logs log groups are encrypted with a KMS key of their own (`KmsKeyId` is set).
struct CloudWatchLogGroupEncrypted: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Logs::LogGroup"],
        cause: "The log group is not encrypted with a customer managed KMS key.",
        explanation: """
        Logs often carry sensitive data: request details, identifiers, error payloads. CloudWatch Logs \
        always encrypts them at rest, but with a key AWS manages for the service; with a customer managed \
        KMS key, the key policy decides who can read the logs, key use is recorded in CloudTrail, and \
        disabling the key makes the data unreadable.
        """,
        fix: "Set KmsKeyId to the ARN of a customer managed KMS key whose key policy lets the logs service principal (logs.<region>.amazonaws.com) use it.",
        examples: [
            .compliant("""
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {Version: "2012-10-17", Statement: []}
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  KmsKeyId: !GetAtt Key.Arn
            """),
            .nonCompliant("""
            Resources:
              ↓Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 30
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "no"
            Conditions:
              Encrypted: !Equals [!Ref Encrypt, "yes"]
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  ↓KmsKeyId: !If [Encrypted, arn:aws:kms:us-east-1:123456789012:key/1, !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              KeyArn:
                Type: String
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  KmsKeyId: !Ref KeyArn
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Conditions:
              Encrypted: !Equals [!Ref Encrypt, "yes"]
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  KmsKeyId: ↓!If [Encrypted, arn:aws:kms:us-east-1:123456789012:key/1, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("KmsKeyId", of: resource, in: context)
    }
}
