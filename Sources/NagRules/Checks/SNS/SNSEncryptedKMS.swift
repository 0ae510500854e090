/// An SNS topic names the KMS key that encrypts its messages at rest.
struct SNSEncryptedKMS: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::SNS::Topic"],
        cause: "The SNS topic does not encrypt its messages with a KMS key.",
        explanation: "Without server-side encryption, messages held by the topic until they are delivered are stored unencrypted, and nothing but the topic policy controls who can read them. With a KMS key, reading a message also needs permission to use the key, and every use of the key is logged.",
        fix: "Set KmsMasterKeyId to a customer managed KMS key (its ARN, id or alias), or to alias/aws/sns for the AWS managed key.",
        examples: [
            .compliant("""
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {Version: "2012-10-17", Statement: []}
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !Ref Key
            """),
            .compliant("""
            Parameters:
              KeyArn:
                Type: String
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !Ref KeyArn
            """),
            .nonCompliant("""
            Resources:
              ↓Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: alerts
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "no"
            Conditions:
              Encrypted: !Equals [!Ref Encrypt, "yes"]
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  ↓KmsMasterKeyId: !If [Encrypted, alias/aws/sns, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Conditions:
              Encrypted: !Equals [!Ref Encrypt, "yes"]
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: ↓!If [Encrypted, alias/aws/sns, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("KmsMasterKeyId", of: resource, in: context)
    }
}
