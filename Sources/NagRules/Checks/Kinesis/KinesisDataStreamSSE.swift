/// AwsSolutions-KDS1: the data stream encrypts records at rest.
struct KinesisDataStreamSSE: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Kinesis::Stream"],
        cause: "The Kinesis data stream does not use server-side encryption.",
        explanation: "Server-side encryption encrypts each record with a KMS key before it is written to the stream storage, so stored data is unreadable without access to the key. (As in cdk-nag, the rule tests only that the setting is written; a value nag cannot resolve counts as written.)",
        fix: "Set StreamEncryption with EncryptionType KMS and a KeyId.",
        examples: [
            .compliant("""
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
                  StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}
            """),
            .nonCompliant("""
            Resources:
              ↓Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
            """),
            .nonCompliant("""
            Parameters:
              Enable:
                Type: String
                Default: "no"
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
                  ↓StreamEncryption: !If [Enabled, {EncryptionType: KMS, KeyId: alias/aws/kinesis}, !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Enable:
                Type: String
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
                  StreamEncryption: !If [Enabled, {EncryptionType: KMS, KeyId: alias/aws/kinesis}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "StreamEncryption", in: context).requiringPresence()
    }
}
