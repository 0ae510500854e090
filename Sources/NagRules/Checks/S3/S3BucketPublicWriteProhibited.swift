/// A bucket blocks public bucket policies, and blocks public ACLs when its canned ACL grants public write.
struct S3BucketPublicWriteProhibited: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not prohibit public write access.",
        explanation: "A bucket anyone can write to can be filled with malware or illegal content, served under your name, or used to overwrite the data others rely on, at your cost. Block Public Access holds whatever a later policy or ACL change says: BlockPublicPolicy refuses bucket policies that grant public access, and BlockPublicAcls refuses ACLs that do, which matters when the bucket's canned ACL is PublicReadWrite.",
        fix: "Set PublicAccessBlockConfiguration with BlockPublicPolicy: true (and BlockPublicAcls: true, or better all four settings), and remove a PublicReadWrite AccessControl.",
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
            // Public read through the ACL is another check's concern; public write is not granted.
            .compliant("""
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: PublicRead
                  PublicAccessBlockConfiguration:
                    BlockPublicPolicy: true
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: Private
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    ↓BlockPublicPolicy: "false"
            """),
            .nonCompliant("""
            Resources:
              Upload:
                Type: AWS::S3::Bucket
                Properties:
                  ↓AccessControl: PublicReadWrite
                  PublicAccessBlockConfiguration:
                    BlockPublicPolicy: true
            """),
            .nonCompliant("""
            Parameters:
              BlockPolicies:
                Type: String
                Default: "false"
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    ↓BlockPublicPolicy: !Ref BlockPolicies
            """),
            .compliant("""
            Parameters:
              Acl:
                Type: String
            Resources:
              Upload:
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
              Upload:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: ↓!Ref Acl
                  PublicAccessBlockConfiguration:
                    BlockPublicPolicy: true
            """),
            .unknown("""
            Parameters:
              BlockAcls:
                Type: String
            Resources:
              Upload:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: PublicReadWrite
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: ↓!Ref BlockAcls
                    BlockPublicPolicy: true
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        S3Buckets.blocksPublicAccess(resource, grantedBy: ["PublicReadWrite"], in: context)
    }
}
