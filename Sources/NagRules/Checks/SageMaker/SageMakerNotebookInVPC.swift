/// AwsSolutions-SM1: the notebook instance runs in a VPC.
struct SageMakerNotebookInVPC: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::SageMaker::NotebookInstance"],
        cause: "The SageMaker notebook instance is not provisioned inside a VPC.",
        explanation: "A notebook instance placed in a VPC subnet is reached and reaches other resources only through that network, under its security groups and routing, instead of SageMaker-managed networking. (As in cdk-nag, the rule tests only that the setting is written; a value nag cannot resolve counts as written.)",
        fix: "Set SubnetId (and SecurityGroupIds) to place the notebook instance in a VPC.",
        examples: [
            .compliant("""
            Resources:
              NotebookInstance:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  SubnetId: subnet-0123456789abcdef0
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
                  ↓SubnetId: !If [Enabled, subnet-0123456789abcdef0, !Ref AWS::NoValue]
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
                  SubnetId: !If [Enabled, subnet-0123456789abcdef0, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "SubnetId", in: context).requiringPresence()
    }
}
