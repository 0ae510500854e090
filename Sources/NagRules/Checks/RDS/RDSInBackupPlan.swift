/// An RDS DB instance is assigned to an AWS Backup plan by a backup selection of the template.
struct RDSInBackupPlan: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.instanceType],
        cause: "The RDS DB instance is not part of an AWS Backup plan.",
        explanation: "Automated RDS backups expire with their retention period and are deleted with the instance; an AWS Backup plan keeps recovery points on its own schedule and retention, in a vault that can be locked and copied to another account or region. The check looks for an AWS::Backup::BackupSelection in the template that takes the instance, by ARN (a Ref or Sub built from the instance, its DBInstanceIdentifier, or a wildcard for all DB instances) or by tags (ListOfTags, Conditions), and that NotResources does not take out again.",
        fix: "Add an AWS::Backup::BackupSelection to a backup plan whose Resources list the instance's ARN, or whose ListOfTags or Conditions match a tag the instance carries.",
        examples: [
            .compliant("""
            Resources:
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Databases:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: databases
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !Join ["", ["arn:aws:rds:", !Ref AWS::Region, ":", !Ref AWS::AccountId, ":db:", !Ref Database]]
            """),
            .compliant("""
            Parameters:
              Identifier:
                Type: String
                Default: orders
            Resources:
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBInstanceIdentifier: !Ref Identifier
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Orders:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: orders
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !Sub "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:${Identifier}"
            """),
            .nonCompliant("""
            Resources:
              ↓Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Clusters:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: clusters
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources: ["arn:aws:rds:*:*:cluster:*"]
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Databases:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection: ↓!If
                    - IsProd
                    - {SelectionName: all, IamRoleArn: "arn:aws:iam::123456789012:role/backup", Resources: ["*"]}
                    - {SelectionName: none, IamRoleArn: "arn:aws:iam::123456789012:role/backup", Resources: ["arn:aws:rds:*:*:cluster:*"]}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        context.index(BackupPlans.self).outcome(for: resource, as: .rdsInstance, in: context)
    }
}
