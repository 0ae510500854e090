/// CloudTrail trails encrypt their log files with a KMS key (`KMSKeyId` is set).
struct CloudTrailEncryptionEnabled: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::CloudTrail::Trail"],
        cause: "The CloudTrail trail does not encrypt its log files with a KMS key.",
        explanation: """
        Trail log files describe every API call in the account. By default they are encrypted with S3 \
        managed keys, which anyone allowed to read the bucket can decrypt. With a KMS key (SSE-KMS), reading \
        them also needs permission to decrypt with the key, every use of the key is itself logged, and the \
        key can be disabled to cut off access.
        """,
        fix: "Set KMSKeyId to a KMS key (alias, key ARN or alias ARN) whose key policy lets cloudtrail.amazonaws.com encrypt with it.",
        examples: [
            .compliant("""
            Resources:
              TrailKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {Version: "2012-10-17", Statement: []}
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  KMSKeyId: !Ref TrailKey
            """),
            .nonCompliant("""
            Resources:
              ↓Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
            """),
            .compliant("""
            Parameters:
              KeyArn:
                Type: String
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  KMSKeyId: !Ref KeyArn
            """),
            .nonCompliant("""
            Parameters:
              KeyArn:
                Type: String
                Default: ""
            Conditions:
              NoKey: !Equals [!Ref KeyArn, ""]
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  ↓KMSKeyId: !If [NoKey, !Ref AWS::NoValue, !Ref KeyArn]
            """),
            .unknown("""
            Parameters:
              KeyArn:
                Type: String
            Conditions:
              NoKey: !Equals [!Ref KeyArn, ""]
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  KMSKeyId: ↓!If [NoKey, !Ref AWS::NoValue, !Ref KeyArn]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isSet("KMSKeyId", of: resource, in: context)
    }
}
