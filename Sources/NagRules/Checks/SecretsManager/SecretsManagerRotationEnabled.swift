/// AwsSolutions-SMG4: a secret has a rotation schedule, directly or through its target attachment.
struct SecretsManagerRotationEnabled: Check {
    static let scheduleType = "AWS::SecretsManager::RotationSchedule"
    static let attachmentType = "AWS::SecretsManager::SecretTargetAttachment"

    let about = CheckAbout(
        resourceTypes: ["AWS::SecretsManager::Secret"],
        cause: "The secret does not have automatic rotation scheduled.",
        explanation: "A secret that never changes stays useful to anyone who ever copied it. Scheduled rotation replaces it regularly (Secrets Manager can rotate database credentials for you), so a leaked value stops working.",
        fix: "Add an AWS::SecretsManager::RotationSchedule whose SecretId is the secret (or its SecretTargetAttachment), with HostedRotationLambda or RotationLambdaARN, and RotationRules with AutomaticallyAfterDays or ScheduleExpression.",
        examples: [
            .compliant("""
            Resources:
              Password:
                Type: AWS::SecretsManager::Secret
                Properties:
                  GenerateSecretString: {}
              Attachment:
                Type: AWS::SecretsManager::SecretTargetAttachment
                Properties:
                  SecretId: !Ref Password
                  TargetId: db
                  TargetType: AWS::RDS::DBInstance
              Rotation:
                Type: AWS::SecretsManager::RotationSchedule
                Properties:
                  SecretId: !Ref Attachment
                  HostedRotationLambda: {RotationType: MySQLSingleUser}
                  RotationRules: {AutomaticallyAfterDays: 30}
            """),
            .nonCompliant("""
            Resources:
              ↓Password:
                Type: AWS::SecretsManager::Secret
                Properties:
                  GenerateSecretString: {}
            """),
            .nonCompliant("""
            Resources:
              ↓Password:
                Type: AWS::SecretsManager::Secret
                Properties:
                  GenerateSecretString: {}
              Rotation:
                Type: AWS::SecretsManager::RotationSchedule
                Properties:
                  SecretId: !Ref Password
                  RotationLambdaARN: arn:aws:lambda:eu-west-1:123456789012:function:rotate
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let attachments = context.index(ResourcesByProperty<AttachmentSecret>.self).resources(naming: resource.logicalId)
        let schedules = context.index(ResourcesByProperty<ScheduleSecret>.self)
        let candidates = ([resource.logicalId] + attachments.map(\.logicalId)).flatMap { schedules.resources(naming: $0) }
        let rotated = candidates.contains { schedule in
            let lambda = !context.resolve(schedule, "HostedRotationLambda").isAbsent
                || !context.resolve(schedule, "RotationLambdaARN").isAbsent
            guard lambda, let rules = context.resolve(schedule, "RotationRules").map else { return false }
            return !context.resolve(rules["AutomaticallyAfterDays"]).isAbsent
                || !context.resolve(rules["ScheduleExpression"]).isAbsent
        }
        return rotated ? .compliant : .violation(at: resource.position)
    }

    /// Secret target attachments by the secret their `SecretId` names.
    private enum AttachmentSecret: IndexedProperty {
        static let type = attachmentType
        static let property = "SecretId"
    }

    /// Rotation schedules by the secret (or attachment) their `SecretId` names.
    private enum ScheduleSecret: IndexedProperty {
        static let type = scheduleType
        static let property = "SecretId"
    }
}
