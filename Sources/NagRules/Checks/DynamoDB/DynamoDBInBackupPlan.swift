/// A DynamoDB table is assigned to an AWS Backup plan by a backup selection of the template.
struct DynamoDBInBackupPlan: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::DynamoDB::Table"],
        cause: "The DynamoDB table is not part of an AWS Backup plan.",
        explanation: "Point-in-time recovery reaches back 35 days at most and goes with the table; an AWS Backup plan keeps recovery points on its own schedule and retention, in a vault that can be locked and copied to another account or region. The check looks for an AWS::Backup::BackupSelection in the template that takes the table, by ARN (a Ref, GetAtt or Sub built from the table, table/<TableName>, or a wildcard for all tables) or by tags (ListOfTags, Conditions), and that NotResources does not take out again.",
        fix: "Add an AWS::Backup::BackupSelection to a backup plan whose Resources list the table's ARN, or whose ListOfTags or Conditions match a tag the table carries.",
        examples: [
            .compliant("""
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Tables:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: tables
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - arn:aws:dynamodb:us-east-1:123456789012:table/orders
            """),
            .compliant("""
            Parameters:
              TableName:
                Type: String
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Ref TableName
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Tables:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: tables
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}"
            """),
            .nonCompliant("""
            Resources:
              ↓Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Tables:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: tables
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - arn:aws:dynamodb:us-east-1:123456789012:table/orders-archive
            """),
            .unknown("""
            Parameters:
              TableArn:
                Type: String
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Tables:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: tables
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - ↓!Ref TableArn
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        context.index(BackupPlans.self).outcome(for: resource, as: .dynamoDBTable, in: context)
    }
}
