/// AwsSolutions-S10: a bucket's policy denies every request made without TLS, to the bucket and its objects.
///
/// As in cdk-nag the rule reads both buckets (is there such a policy?) and bucket policies (is this one
/// such a policy?), so a non-compliant pair gives two findings.
struct S3BucketSSLRequestsOnly: Rule {
    let description = RuleDescription(
        id: "AwsSolutions-S10", level: .error, resourceTypes: [S3Buckets.bucketType, S3Buckets.policyType],
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
            return denies(resource, bucketId: bucketId, bucketName: literalName, in: context)
                ? .compliant : .violation(at: resource.position)
        }
        let name = S3Buckets.declaredName(of: resource, in: context)
        let protected = S3Buckets.policies(for: resource, in: context).contains {
            denies($0, bucketId: resource.logicalId, bucketName: name, in: context)
        }
        return protected ? .compliant : .violation(at: resource.position)
    }

    private func denies(_ policy: Resource, bucketId: String, bucketName: String?, in context: RuleContext) -> Bool {
        S3Buckets.statements(of: context.resolve(policy, "PolicyDocument"), in: context).contains { statement in
            guard context.resolve(statement["Effect"]).string == "Deny" else { return false }
            let actions = S3Buckets.strings(statement["Action"], in: context)
            guard actions.contains(where: { $0 == "*" || $0.lowercased() == "s3:*" }) else { return false }
            guard isEveryone(statement["Principal"], in: context) else { return false }
            let secure = context.resolver.resolve(statement["Condition"], at: "Bool", "aws:SecureTransport")
            guard secure.bool == false else { return false }
            return coversBucketAndObjects(statement["Resource"], bucketId: bucketId, bucketName: bucketName, in: context)
        }
    }

    private func isEveryone(_ principal: Value?, in context: RuleContext) -> Bool {
        let resolved = context.resolve(principal)
        if resolved.string == "*" { return true }
        return S3Buckets.strings(resolved.map?["AWS"], in: context).contains("*")
    }

    /// One resource names the bucket itself (no `/`), another its objects (one `/`, ending in `/*` after the name).
    private func coversBucketAndObjects(_ resources: Value?, bucketId: String, bucketName: String?, in context: RuleContext) -> Bool {
        guard let items = context.resolve(resources).list else { return false }
        var bucket = false
        var objects = false
        let names = [bucketId] + (bucketName.map { [$0] } ?? [])
        for item in items {
            let text = context.resolve(item).string ?? CdkNagText.flatten(item)
            let slashes = text.filter { $0 == "/" }.count
            if !bucket, slashes == 0, names.contains(where: { CdkNagText.containsName($0, in: text) }) {
                bucket = true
            } else if !objects, slashes == 1, names.contains(where: { name in
                CdkNagText.occurrences(of: name, in: text).contains { text[$0...].contains("/*") }
            }) {
                objects = true
            }
            if bucket && objects { return true }
        }
        return false
    }
}
