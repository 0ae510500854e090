/// AwsSolutions-SM3: the notebook instance has no direct internet access.
struct SageMakerNotebookNoDirectInternetAccess: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::SageMaker::NotebookInstance"],
        cause: "The SageMaker notebook instance has direct internet access.",
        explanation: "With direct internet access (the default), the notebook reaches and can be reached from the internet outside your VPC controls, a path for data to leave or for attacks to come in.",
        fix: "Set DirectInternetAccess to Disabled and give the notebook a SubnetId with a route to what it needs.",
        examples: [
            .compliant("""
            Resources:
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  SubnetId: subnet-0123456789abcdef0
                  DirectInternetAccess: Disabled
            """),
            .nonCompliant("""
            Resources:
              ↓Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
            """),
            .nonCompliant("""
            Resources:
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  ↓DirectInternetAccess: Enabled
            """),
            .nonCompliant("""
            Parameters:
              Internet:
                Type: String
                Default: Enabled
            Resources:
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  ↓DirectInternetAccess: !Ref Internet
            """),
            .unknown("""
            Parameters:
              Internet:
                Type: String
            Resources:
              Notebook:
                Type: AWS::SageMaker::NotebookInstance
                Properties:
                  InstanceType: ml.t3.medium
                  DirectInternetAccess: ↓!Ref Internet
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let access = PropertyLookup.find(resource, "DirectInternetAccess", in: context)
        if let why = access.unresolved { return .unknown(why) }
        return access.resolved.string == "Disabled" ? .compliant : .violation(at: access.position)
    }
}
