/// AwsSolutions-RDS13: RDS instances keep automated backups.
struct RDSInstanceBackupEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.instanceType],
        cause: "The RDS instance has automated backups turned off.",
        explanation: "A backup retention period of 0 disables automated backups and point-in-time recovery, so data lost to corruption, a bad migration or an accidental delete cannot be restored. Leaving the property out keeps the service default (backups on).",
        fix: "Remove BackupRetentionPeriod or set it to a number of days greater than 0.",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  BackupRetentionPeriod: 7
              Default:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  ↓BackupRetentionPeriod: 0
            """),
            .nonCompliant("""
            Parameters:
              Days:
                Type: Number
                Default: 0
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  ↓BackupRetentionPeriod: !Ref Days
            """),
            .unknown("""
            Parameters:
              Days:
                Type: Number
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  BackupRetentionPeriod: ↓!Ref Days
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let period = Scalar(resource, "BackupRetentionPeriod", in: context)
        if let why = period.unresolved { return .unknown(why) }
        if let days = period.number ?? (period.text?.isEmpty == true ? 0 : nil), days <= 0 {
            return .violation(at: resource.position(ofProperty: "BackupRetentionPeriod"))
        }
        return .compliant
    }
}
