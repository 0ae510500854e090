/// A SageMaker endpoint configuration names a KMS key (`KmsKeyId`) for the storage of its instances.
struct SageMakerEndpointConfigurationKMSKeyConfigured: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::SageMaker::EndpointConfig"],
        cause: "The SageMaker endpoint configuration does not use a KMS key to encrypt the storage of its instances.",
        explanation: "The ML storage volumes attached to the endpoint's instances hold the model and the data it processes. A KMS key you manage lets you decide and audit who can decrypt them, and revoke access by disabling the key.",
        fix: "Set KmsKeyId to a customer managed KMS key (its ARN, id or alias).",
        examples: [
            .compliant("""
            Resources:
              Serving:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  KmsKeyId: !Ref ModelKey
                  ProductionVariants:
                    - ModelName: model
                      VariantName: main
                      InitialInstanceCount: 1
                      InstanceType: ml.m5.large
              ModelKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {}
            """),
            .nonCompliant("""
            Resources:
              ↓Serving:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  ProductionVariants:
                    - ModelName: model
                      VariantName: main
                      InitialInstanceCount: 1
                      InstanceType: ml.m5.large
            """),
            .nonCompliant("""
            Parameters:
              Key:
                Type: String
                Default: ""
            Conditions:
              HasKey: !Not [!Equals [!Ref Key, ""]]
            Resources:
              ↓Serving:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  KmsKeyId: !If [HasKey, !Ref Key, !Ref AWS::NoValue]
                  ProductionVariants:
                    - ModelName: model
                      VariantName: main
                      InitialInstanceCount: 1
                      InstanceType: ml.m5.large
            """),
            .unknown("""
            Parameters:
              Key:
                Type: String
            Conditions:
              HasKey: !Not [!Equals [!Ref Key, ""]]
            Resources:
              Serving:
                Type: AWS::SageMaker::EndpointConfig
                Properties:
                  KmsKeyId: ↓!If [HasKey, !Ref Key, !Ref AWS::NoValue]
                  ProductionVariants:
                    - ModelName: model
                      VariantName: main
                      InitialInstanceCount: 1
                      InstanceType: ml.m5.large
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "KmsKeyId"], in: context) {
        case .absent: .violation(at: resource.position, "KmsKeyId is not set")
        case .unknown(let why): .unknown(why)
        case .present: .compliant
        }
    }
}
