/// AwsSolutions-DDB3: DynamoDB tables have point-in-time recovery.
struct DynamoDBPITREnabled: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::DynamoDB::Table"],
        cause: "The DynamoDB table does not have point-in-time recovery enabled.",
        explanation: "Point-in-time recovery keeps continuous backups of a table for the last 35 days, so writes or deletes made by mistake or by a faulty deployment can be undone by restoring to the second before they happened.",
        fix: "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true on the table.",
        examples: [
            .compliant("""
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  PointInTimeRecoverySpecification:
                    PointInTimeRecoveryEnabled: true
            """),
            .nonCompliant("""
            Resources:
              ↓Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
            """),
            .nonCompliant("""
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  PointInTimeRecoverySpecification:
                    ↓PointInTimeRecoveryEnabled: false
            """),
            .nonCompliant("""
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Parameters:
              Stage:
                Type: String
                Default: dev
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  PointInTimeRecoverySpecification:
                    ↓PointInTimeRecoveryEnabled: !If [IsProd, true, false]
            """),
            .unknown("""
            Parameters:
              Pitr:
                Type: String
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  PointInTimeRecoverySpecification:
                    PointInTimeRecoveryEnabled: ↓!Ref Pitr
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled", of: resource, in: context)
    }
}
