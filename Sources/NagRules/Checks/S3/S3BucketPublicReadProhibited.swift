/// A bucket blocks public bucket policies, and blocks public ACLs when its canned ACL grants public read.
struct S3BucketPublicReadProhibited: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not prohibit public read access.",
        explanation: "Objects anyone on the internet can read are the most common source of data leaks from S3. Block Public Access is the guard that holds whatever a later policy or ACL change says: BlockPublicPolicy refuses bucket policies that grant public access, and BlockPublicAcls refuses ACLs that do, which matters when the bucket's canned ACL is PublicRead or PublicReadWrite.",
        fix: "Set PublicAccessBlockConfiguration with BlockPublicPolicy: true (and BlockPublicAcls: true, or better all four settings), and remove a PublicRead or PublicReadWrite AccessControl.",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """),
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: Private
                  PublicAccessBlockConfiguration:
                    BlockPublicPolicy: "true"
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
                  ↓PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    ↓BlockPublicPolicy: false
            """),
            .nonCompliant("""
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  ↓AccessControl: PublicRead
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: false
                    BlockPublicPolicy: true
            """),
            .nonCompliant("""
            Parameters:
              Acl:
                Type: String
                Default: PublicReadWrite
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  ↓AccessControl: !Ref Acl
                  PublicAccessBlockConfiguration:
                    BlockPublicPolicy: true
            """),
            .nonCompliant("""
            Conditions:
              Never: !Equals [a, b]
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration: !If
                    - Never
                    - BlockPublicPolicy: true
                    - !Ref AWS::NoValue
            """),
            // Public ACLs are blocked, so the canned ACL, whatever it is, does not matter.
            .compliant("""
            Parameters:
              Acl:
                Type: String
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: !Ref Acl
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
            """),
            .unknown("""
            Parameters:
              Acl:
                Type: String
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: ↓!Ref Acl
                  PublicAccessBlockConfiguration:
                    BlockPublicPolicy: true
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
                    BlockPublicPolicy: ↓!Ref Block
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        S3Buckets.blocksPublicAccess(resource, grantedBy: ["PublicRead", "PublicReadWrite"], in: context)
    }
}
