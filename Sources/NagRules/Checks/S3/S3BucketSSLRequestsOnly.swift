/// AwsSolutions-S10: a bucket's policy denies every request made without TLS, to the bucket and its objects.
///
/// As in cdk-nag the rule reads both buckets (is there such a policy?) and bucket policies (is this one
/// such a policy?), so a non-compliant pair gives two findings.
struct S3BucketSSLRequestsOnly: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType, S3Buckets.policyType],
        cause: "The S3 bucket or bucket policy does not require requests to use TLS.",
        explanation: "Without a policy that denies plain-HTTP requests, data can be read or changed in transit by anyone on the path. The policy needs a Deny statement for every principal on s3:* (or *), on both the bucket ARN and its objects (ARN/*), with the condition Bool aws:SecureTransport false.",
        fix: "Add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Resource [bucket ARN, bucket ARN/*], Condition {Bool: {aws:SecureTransport: false}}.",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
              DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Data
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Action: s3:*
                        Principal:
                          AWS: "*"
                        Resource:
                          - !GetAtt Data.Arn
                          - !Sub "${Data.Arn}/*"
                        Condition:
                          Bool:
                            aws:SecureTransport: "false"
            """),
            // Differs from cdk-nag (docs/differences/s3.md): the bucket and its policy name the bucket with the
            // same Fn::Sub, known only at deploy time; nag matches them, cdk-nag reports the bucket.
            .compliant("""
            Parameters:
              AppName:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AppName}-data-${AWS::Region}"
              DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Sub "${AppName}-data-${AWS::Region}"
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Action: "*"
                        Principal: "*"
                        Resource:
                          - !Sub "arn:${AWS::Partition}:s3:::${AppName}-data-${AWS::Region}"
                          - !Sub "arn:${AWS::Partition}:s3:::${AppName}-data-${AWS::Region}/*"
                        Condition:
                          Bool:
                            aws:SecureTransport: false
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
              ↓DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Data
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Action: s3:*
                        Principal: "*"
                        Resource:
                          - !GetAtt Data.Arn
                        Condition:
                          Bool:
                            aws:SecureTransport: false
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == S3Buckets.policyType {
            let bucket = S3Buckets.target(of: resource, in: context)
            let literalName = bucket.flatMap { context.graph.resource(named: $0) == nil ? $0 : nil }
            let bucketId = bucket.flatMap { context.graph.resource(named: $0) == nil ? nil : $0 } ?? bucket ?? ""
            return S3Buckets.deniesRequestsWithoutTLS(resource, bucketId: bucketId, bucketName: literalName, in: context)
                ? .compliant : .violation(at: resource.position)
        }
        return S3Buckets.isTLSOnly(resource, in: context) ? .compliant : .violation(at: resource.position)
    }
}
