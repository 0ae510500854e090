/// An EFS file system is assigned to an AWS Backup plan by a backup selection of the template.
struct EFSInBackupPlan: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::EFS::FileSystem"],
        cause: "The EFS file system is not part of an AWS Backup plan.",
        explanation: "A file system outside any backup plan has no scheduled, retained recovery points: files deleted or overwritten by mistake or by malware cannot be brought back. The check looks for an AWS::Backup::BackupSelection in the template that takes the file system, by ARN (a Ref, GetAtt or Sub built from it, or a wildcard for all file systems) or by tags (ListOfTags, Conditions against FileSystemTags), and that NotResources does not take out again. Automatic EFS backups (BackupPolicy) are not counted.",
        fix: "Add an AWS::Backup::BackupSelection to a backup plan whose Resources list the file system's ARN, or whose ListOfTags or Conditions match one of its FileSystemTags.",
        examples: [
            .compliant("""
            Resources:
              Shared:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: true
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Files:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: files
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !GetAtt Shared.Arn
            """),
            .compliant("""
            Resources:
              Shared:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: tier
                      Value: gold-1
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Gold:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: gold
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources: ["*"]
                    Conditions:
                      StringLike:
                        - ConditionKey: aws:ResourceTag/tier
                          ConditionValue: gold-*
            """),
            .nonCompliant("""
            Resources:
              ↓Shared:
                Type: AWS::EFS::FileSystem
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              AllButShared:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: all-but-shared
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !Sub "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/*"
                    NotResources:
                      - !GetAtt Shared.Arn
            """),
            .unknown("""
            Parameters:
              Tier:
                Type: String
            Resources:
              Shared:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: tier
                      Value: ↓!Ref Tier
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Gold:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: gold
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    ListOfTags:
                      - ConditionType: STRINGEQUALS
                        ConditionKey: tier
                        ConditionValue: gold
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        context.index(BackupPlans.self).outcome(for: resource, as: .efsFileSystem, in: context)
    }
}
