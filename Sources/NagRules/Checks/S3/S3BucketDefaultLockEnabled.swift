/// A bucket enables S3 Object Lock, both on the bucket and in its object lock configuration.
struct S3BucketDefaultLockEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not have Object Lock enabled.",
        explanation: "Object Lock stores objects write-once-read-many: for as long as a retention period or legal hold lasts, no one, not even the root user in governance-free compliance mode, can delete or overwrite a version. It protects records that must be kept unaltered, and backups from ransomware or a mistaken delete.",
        fix: "Set ObjectLockEnabled to true and ObjectLockConfiguration with ObjectLockEnabled: Enabled (optionally with a default retention Rule). Object Lock can be turned on only with versioning.",
        examples: [
            .compliant("""
            Resources:
              Records:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: true
                  ObjectLockConfiguration:
                    ObjectLockEnabled: Enabled
                    Rule:
                      DefaultRetention:
                        Mode: GOVERNANCE
                        Days: 30
            """),
            .nonCompliant("""
            Resources:
              ↓Records:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              Records:
                Type: AWS::S3::Bucket
                Properties:
                  ↓ObjectLockEnabled: false
                  ObjectLockConfiguration:
                    ObjectLockEnabled: Enabled
            """),
            .nonCompliant("""
            Resources:
              ↓Records:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: true
            """),
            .nonCompliant("""
            Resources:
              Records:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: "true"
                  ↓ObjectLockConfiguration:
                    Rule:
                      DefaultRetention: {Mode: GOVERNANCE, Days: 1}
            """),
            .nonCompliant("""
            Parameters:
              Lock:
                Type: String
                Default: Disabled
            Resources:
              Records:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: true
                  ObjectLockConfiguration:
                    ↓ObjectLockEnabled: !Ref Lock
            """),
            .unknown("""
            Parameters:
              Lock:
                Type: String
            Resources:
              Records:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: ↓!Ref Lock
                  ObjectLockConfiguration:
                    ObjectLockEnabled: Enabled
            """),
            .compliant("""
            Parameters:
              Lock:
                Type: String
                Default: "true"
            Conditions:
              Locked: !Equals [!Ref Lock, "true"]
            Resources:
              Records:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: !Ref Lock
                  ObjectLockConfiguration: !If [Locked, {ObjectLockEnabled: Enabled}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let enabled = Scalar(resource, "ObjectLockEnabled", in: context)
        let onBucket: Verdict = switch enabled {
        case .absent: .fails(at: resource.position, "ObjectLockEnabled is not set")
        case .unknown(let why): .undecided(why)
        case .known: enabled.bool == true ? .holds : .fails(at: resource.position(ofProperty: "ObjectLockEnabled"), "ObjectLockEnabled is not true")
        }
        return Verdict.every([onBucket, configured(resource, in: context)]) { $0 }.outcome
    }

    /// Whether `ObjectLockConfiguration.ObjectLockEnabled` is `Enabled`.
    private func configured(_ resource: Resource, in context: RuleContext) -> Verdict {
        let configuration = PropertyLookup.find(resource, "ObjectLockConfiguration", in: context)
        if configuration.resolved.isAbsent { return .fails(at: resource.position, "ObjectLockConfiguration is not set") }
        if let why = configuration.unresolved { return .undecided(why) }
        let setting = PropertyLookup.find(resource, "ObjectLockConfiguration", "ObjectLockEnabled", in: context)
        let state = setting.resolved.scalar
        if let why = state.unresolved { return .undecided(why) }
        return state.text == "Enabled" ? .holds : .fails(at: setting.position, "ObjectLockConfiguration.ObjectLockEnabled is not Enabled")
    }
}
