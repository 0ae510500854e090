/// AwsSolutions-N5: Neptune clusters accept IAM database authentication.
struct NeptuneClusterIAMAuth: Check {
    let about = CheckAbout(
        resourceTypes: [NeptuneClusters.clusterType],
        cause: "The Neptune cluster does not enable IAM database authentication.",
        explanation: "With IAM authentication every request to the cluster is signed with the caller's IAM credentials, so access is granted and revoked through IAM policies and recorded, instead of being open to anything that reaches the endpoint.",
        fix: "Set IamAuthEnabled to true on the Neptune DB cluster.",
        examples: [
            .compliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  IamAuthEnabled: true
            """),
            .nonCompliant("""
            Resources:
              ↓Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  ↓IamAuthEnabled: false
            """),
            .unknown("""
            Parameters:
              Iam:
                Type: String
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  IamAuthEnabled: ↓!Ref Iam
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("IamAuthEnabled", of: resource, in: context)
    }
}
