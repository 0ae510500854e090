/// AwsSolutions-SM2: the notebook instance storage is encrypted with a KMS key of the template.
struct SageMakerNotebookInstanceKMSKeyConfigured: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::SageMaker::NotebookInstance"],
        cause: "The SageMaker notebook instance does not use a customer managed KMS key for its storage.",
        explanation: "The ML storage volume of a notebook instance holds notebooks, data and credentials. A KMS key you manage lets you control and audit who can decrypt it. (As in cdk-nag, the rule tests only that the setting is written; a value nag cannot resolve counts as written.)",
        fix: "Set KmsKeyId to a customer managed KMS key.",
        examples: [
            .compliant("""
            Resources:
              NotebookInstance:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  KmsKeyId: alias/notebooks
            """),
            .nonCompliant("""
            Resources:
              ↓NotebookInstance:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
            """),
            .nonCompliant("""
            Parameters:
              Enable:
                Type: String
                Default: "no"
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              NotebookInstance:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  ↓KmsKeyId: !If [Enabled, alias/notebooks, !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Enable:
                Type: String
            Conditions:
              Enabled: !Equals [!Ref Enable, "yes"]
            Resources:
              NotebookInstance:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  KmsKeyId: !If [Enabled, alias/notebooks, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "KmsKeyId", in: context).requiringPresence()
    }
}
