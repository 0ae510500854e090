/// AwsSolutions-S5: a static website bucket is read through CloudFront with an origin access identity.
struct S3WebBucketOAIAccess: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 static website bucket is not served through a CloudFront origin access identity.",
        explanation: "A website bucket that allows public reads exposes every object to the internet. Serving it through CloudFront with an origin access identity (OAI) keeps the bucket private: only the OAI may read, and only s3:GetObject / s3:PutObject are granted.",
        fix: "Add a bucket policy that allows the CloudFront OAI (CanonicalUser, or the AWS principal \"… CloudFront Origin Access Identity …\") only s3:GetObject, and no statement with a * principal.",
        examples: [
            .compliant("""
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  WebsiteConfiguration:
                    IndexDocument: index.html
              Identity:
                Type: AWS::CloudFront::CloudFrontOriginAccessIdentity
                Properties:
                  CloudFrontOriginAccessIdentityConfig:
                    Comment: site
              SitePolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Site
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Principal:
                          CanonicalUser: !GetAtt Identity.S3CanonicalUserId
                        Resource: !Sub "${Site.Arn}/*"
            """),
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              ↓Site:
                Type: AWS::S3::Bucket
                Properties:
                  WebsiteConfiguration:
                    IndexDocument: index.html
            """),
            .nonCompliant("""
            Resources:
              ↓Site:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: my-site
                  WebsiteConfiguration:
                    IndexDocument: index.html
              SitePolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: my-site
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Principal: "*"
                        Resource: arn:aws:s3:::my-site/*
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let website = context.resolve(resource, "WebsiteConfiguration")
        if website.isAbsent { return .compliant }
        let served = S3Buckets.policies(for: resource, in: context).contains { isCompliant($0, in: context) }
        return served ? .compliant : .violation(at: resource.position)
    }

    /// The policy grants the OAI only object reads/writes and grants nothing to `*`.
    private func isCompliant(_ policy: Resource, in context: RuleContext) -> Bool {
        var found = false
        for statement in S3Buckets.statements(of: policy, in: context) {
            guard statement.effect(in: context).string == "Allow" else { continue }
            if statement.principalMentionsWildcard { return false }
            let principal = statement["Principal"]
            let usesIdentity = CdkNagText.stringify(principal?["AWS"]).contains("CloudFront Origin Access Identity")
                || principal?["CanonicalUser"] != nil
            guard usesIdentity else { continue }
            // The S3 reading is lenient: an action that cannot be resolved is skipped, and the read never fails.
            guard case .success(let actions) = statement.strings("Action", in: context),
                  actions.allSatisfy({ ["s3:getobject", "s3:putobject"].contains($0.text.lowercased()) })
            else { return false }
            found = true
        }
        return found
    }
}
