/// AwsSolutions-S2: a bucket that declares a public access block sets all four of its settings to true.
struct S3BucketLevelPublicAccessProhibited: Check {
    static let settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket's public access block leaves public access open.",
        explanation: "Block Public Access stops ACLs and bucket policies from exposing objects to the internet, whatever a later change to a policy says. A bucket that declares the block must turn on all four of its settings. (As in cdk-nag, a bucket that declares no block relies on the account-level default, which blocks public access, and complies.)",
        fix: "Set BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets to true in PublicAccessBlockConfiguration.",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: "true"
                    RestrictPublicBuckets: true
            """),
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    ↓BlockPublicPolicy: false
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ↓PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
            """),
            .nonCompliant("""
            Parameters:
              Block:
                Type: String
                Default: "false"
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    ↓RestrictPublicBuckets: !Ref Block
            """),
            .unknown("""
            Parameters:
              Block:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: ↓!Ref Block
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let block = context.resolve(resource, "PublicAccessBlockConfiguration")
        switch block {
        case .absent: return .compliant
        case .unknown(let why): return .unknown(why)
        case .resource: return .violation(at: resource.position(ofProperty: "PublicAccessBlockConfiguration"))
        case .value(let value):
            guard let map = value.mapValue else {
                return .violation(at: resource.position(ofProperty: "PublicAccessBlockConfiguration"))
            }
            for setting in Self.settings {
                let resolved = context.resolve(map[setting])
                if case .unknown(let why) = resolved { return .unknown(why) }
                if resolved.bool != true {
                    let position = map.entry(setting)?.keyPosition ?? resource.position(ofProperty: "PublicAccessBlockConfiguration")
                    return .violation(at: position, "\(setting) is not true")
                }
            }
            return .compliant
        }
    }
}
