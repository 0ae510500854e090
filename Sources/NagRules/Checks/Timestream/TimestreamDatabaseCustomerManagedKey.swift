/// AwsSolutions-TS3: Timestream databases are encrypted with a customer managed key.
struct TimestreamDatabaseCustomerManagedKey: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Timestream::Database"],
        cause: "The Timestream database does not use a customer managed KMS key.",
        explanation: "Without KmsKeyId the database is encrypted with an AWS managed key, whose policy and rotation you cannot control. A customer managed key lets you decide who may use it, audit its use and revoke access to the data by disabling it.",
        fix: "Set KmsKeyId to a customer managed KMS key.",
        examples: [
            .compliant("""
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {}
              Metrics:
                Type: AWS::Timestream::Database
                Properties:
                  KmsKeyId: !Ref Key
            """),
            .nonCompliant("""
            Resources:
              ↓Metrics:
                Type: AWS::Timestream::Database
                Properties:
                  DatabaseName: metrics
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        context.resolve(resource, "KmsKeyId").isAbsent ? .violation(at: resource.position) : .compliant
    }
}
