/// An EBS volume is assigned to an AWS Backup plan by a backup selection of the template.
struct EC2EBSInBackupPlan: Check {
    let about = CheckAbout(
        resourceTypes: [EC2EBSVolumeEncrypted.volumeType],
        cause: "The EBS volume is not part of an AWS Backup plan.",
        explanation: "A volume outside any backup plan has no scheduled, retained recovery points: a deletion, corruption or ransomware leaves nothing to restore from. The check looks for an AWS::Backup::BackupSelection in the template that takes the volume, by ARN (a Ref, GetAtt or Sub built from the volume, or a wildcard for all volumes) or by tags (ListOfTags, Conditions), and that NotResources does not take out again.",
        fix: "Add an AWS::Backup::BackupSelection to a backup plan whose Resources list the volume's ARN, or whose ListOfTags or Conditions match a tag the volume carries.",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Volumes:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: volumes
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !Sub "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:volume/${Data}"
            """),
            .compliant("""
            Parameters:
              Scope:
                Type: CommaDelimitedList
                Default: "arn:aws:ec2:*:*:volume/*"
            Resources:
              Data:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
                  Tags:
                    - Key: backup
                      Value: daily
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Tagged:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: tagged
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources: !Ref Scope
                    Conditions:
                      StringEquals:
                        - ConditionKey: aws:ResourceTag/backup
                          ConditionValue: daily
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
                  Tags:
                    - Key: backup
                      Value: never
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Tagged:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: tagged
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    ListOfTags:
                      - ConditionType: STRINGEQUALS
                        ConditionKey: backup
                        ConditionValue: daily
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
              ↓Scratch:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 500
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              DataOnly:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: data
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources:
                      - !Sub "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:volume/${Data}"
            """),
            .unknown("""
            Parameters:
              Scope:
                Type: CommaDelimitedList
            Resources:
              Data:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: us-east-1a
                  Size: 100
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule: [{RuleName: daily, TargetBackupVault: Default}]
              Chosen:
                Type: AWS::Backup::BackupSelection
                Properties:
                  BackupPlanId: !Ref Plan
                  BackupSelection:
                    SelectionName: chosen
                    IamRoleArn: arn:aws:iam::123456789012:role/backup
                    Resources: ↓!Ref Scope
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        context.index(BackupPlans.self).outcome(for: resource, as: .ebsVolume, in: context)
    }
}
