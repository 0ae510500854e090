/// AwsSolutions-DDB4: DAX clusters encrypt data at rest.
struct DAXEncrypted: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::DAX::Cluster"],
        cause: "The DAX cluster does not have server-side encryption enabled.",
        explanation: "A DAX cluster caches table items on its nodes' disks; without server-side encryption that cached data, its configuration and its logs are stored in the clear.",
        fix: "Set SSESpecification.SSEEnabled to true on the DAX cluster (it can only be set when the cluster is created).",
        examples: [
            .compliant("""
            Resources:
              Cache:
                Type: AWS::DAX::Cluster
                Properties:
                  NodeType: dax.r4.large
                  ReplicationFactor: 3
                  IAMRoleARN: arn:aws:iam::123456789012:role/dax
                  SSESpecification:
                    SSEEnabled: true
            """),
            .nonCompliant("""
            Resources:
              ↓Cache:
                Type: AWS::DAX::Cluster
                Properties:
                  NodeType: dax.r4.large
                  ReplicationFactor: 3
                  IAMRoleARN: arn:aws:iam::123456789012:role/dax
            """),
            .nonCompliant("""
            Resources:
              Cache:
                Type: AWS::DAX::Cluster
                Properties:
                  NodeType: dax.r4.large
                  ReplicationFactor: 3
                  IAMRoleARN: arn:aws:iam::123456789012:role/dax
                  SSESpecification:
                    ↓SSEEnabled: "false"
            """),
            .unknown("""
            Parameters:
              Sse:
                Type: String
            Resources:
              Cache:
                Type: AWS::DAX::Cluster
                Properties:
                  NodeType: dax.r4.large
                  ReplicationFactor: 3
                  IAMRoleARN: arn:aws:iam::123456789012:role/dax
                  SSESpecification:
                    SSEEnabled: ↓!Ref Sse
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("SSESpecification", "SSEEnabled", of: resource, in: context)
    }
}
