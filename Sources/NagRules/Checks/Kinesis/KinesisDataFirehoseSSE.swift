/// AwsSolutions-KDF1: the delivery stream encrypts data at rest.
struct KinesisDataFirehoseSSE: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::KinesisFirehose::DeliveryStream"],
        cause: "The Kinesis Data Firehose delivery stream does not use server-side encryption.",
        explanation: "Server-side encryption protects the records a delivery stream buffers before it delivers them, with a KMS key you can audit and revoke. (As in cdk-nag, the rule tests only that the setting is written; a value nag cannot resolve counts as written.)",
        fix: "Set DeliveryStreamEncryptionConfigurationInput (KeyType AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK with a KeyARN).",
        examples: [
            .compliant("""
            Resources:
              DeliveryStream:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamType: DirectPut
                  DeliveryStreamEncryptionConfigurationInput: {KeyType: AWS_OWNED_CMK}
            """),
            .nonCompliant("""
            Resources:
              ↓DeliveryStream:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamType: DirectPut
            """),
            .nonCompliant("""
            Parameters:
              Enable:
                Type: String
                Default: "no"
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              DeliveryStream:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamType: DirectPut
                  ↓DeliveryStreamEncryptionConfigurationInput: !If [Enabled, {KeyType: AWS_OWNED_CMK}, !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Enable:
                Type: String
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              DeliveryStream:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamType: DirectPut
                  DeliveryStreamEncryptionConfigurationInput: !If [Enabled, {KeyType: AWS_OWNED_CMK}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "DeliveryStreamEncryptionConfigurationInput", in: context).requiringPresence()
    }
}
