/// AwsSolutions-KDS3: an encrypted data stream uses the AWS managed key alias/aws/kinesis.
struct KinesisDataStreamDefaultKeyWhenSSE: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Kinesis::Stream"],
        cause: "The Kinesis data stream is encrypted with a key other than the AWS managed key alias/aws/kinesis.",
        explanation: "The AWS managed key for Kinesis needs no key policy or rotation set-up of your own. A stream encrypted with another key depends on that key staying available and correctly permitted; use one only when you need the control it gives.",
        fix: "Set StreamEncryption.KeyId to alias/aws/kinesis, or suppress the finding where a customer managed key is deliberate.",
        examples: [
            .compliant("""
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  StreamEncryption:
                    EncryptionType: KMS
                    KeyId: alias/aws/kinesis
            """),
            .compliant("""
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
            """),
            .nonCompliant("""
            Resources:
              Key:
                Type: AWS::KMS::Key
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  StreamEncryption:
                    EncryptionType: KMS
                    ↓KeyId: !GetAtt Key.Arn
            """),
            .nonCompliant("""
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ↓StreamEncryption:
                    EncryptionType: KMS
            """),
            .compliant("""
            Parameters:
              KeyAlias:
                Type: String
                Default: alias/aws/kinesis
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  StreamEncryption:
                    EncryptionType: KMS
                    KeyId: !Ref KeyAlias
            """),
            .unknown("""
            Parameters:
              KeyAlias:
                Type: String
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  StreamEncryption:
                    EncryptionType: KMS
                    KeyId: ↓!Ref KeyAlias
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let encryption = PropertyLookup.find(resource, "StreamEncryption", in: context)
        if let why = encryption.unresolved { return .unknown(why) }
        if encryption.resolved.isAbsent { return .compliant }
        let key = PropertyLookup.find(resource, "StreamEncryption", "KeyId", in: context)
        if case .unknown(let why) = key.resolved { return .unknown(why) }
        return key.resolved.string == "alias/aws/kinesis" ? .compliant : .violation(at: key.position)
    }
}
