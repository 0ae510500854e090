/// A bucket has versioning configured, and not suspended.
struct S3BucketVersioningEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not have versioning enabled.",
        explanation: "With versioning, an overwrite or delete keeps the previous version of the object, so data lost to a mistake, a faulty deployment or malicious change can be restored. Replication and Object Lock need it too.",
        fix: "Set VersioningConfiguration with Status: Enabled (and a lifecycle rule that expires noncurrent versions, to bound the cost).",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    Status: Enabled
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    ↓Status: Suspended
            """),
            .nonCompliant("""
            Parameters:
              Versioning:
                Type: String
                Default: Suspended
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    ↓Status: !Ref Versioning
            """),
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: !If [IsProd, {Status: Enabled}, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Versioning:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    Status: ↓!Ref Versioning
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: ↓!If [IsProd, {Status: Enabled}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let configuration = PropertyLookup.find(resource, "VersioningConfiguration", in: context)
        if configuration.resolved.isAbsent { return .violation(at: resource.position, "VersioningConfiguration is not set") }
        if let why = configuration.unresolved { return .unknown(why) }
        let status = PropertyLookup.find(resource, "VersioningConfiguration", "Status", in: context)
        let state = status.resolved.scalar
        if let why = state.unresolved { return .unknown(why) }
        return state.text == "Suspended" ? .violation(at: status.position, "versioning is suspended") : .compliant
    }
}
