/// Edge-LOG1: a bucket that receives logs is encrypted, private, TLS-only, and deliverable.
struct EncryptedLogBucket: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "A bucket that receives logs is not encrypted, not private, not TLS-only, or cannot receive them.",
        explanation: """
        Access logs (CloudFront, load balancers, S3 server access logs, VPC flow logs) hold client IPs, paths, \
        headers and tokens in query strings. The bucket that receives them needs default encryption, a public \
        access block with all four settings on, and a bucket policy that denies requests without TLS. It must also \
        accept the delivery: load balancer log delivery cannot write to a bucket encrypted with SSE-KMS, so a \
        load balancer's log bucket must use SSE-S3 (AES256), or its logs are silently lost.
        """,
        fix: """
        On the log bucket: BucketEncryption with SSEAlgorithm AES256 (required when a load balancer writes to it; \
        aws:kms is fine otherwise); PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, \
        IgnorePublicAcls and RestrictPublicBuckets true; and an AWS::S3::BucketPolicy with a Deny statement for \
        Principal *, Action s3:*, on the bucket and bucket/*, when aws:SecureTransport is false.
        """,
        examples: [
            .compliant(Self.template(encryption: "AES256")),
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant(Self.template(encryption: "aws:kms", marker: "↓")),
            .nonCompliant("""
            Resources:
              ↓Logs:
                Type: AWS::S3::Bucket
              Site:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Logging:
                      Bucket: !GetAtt Logs.DomainName
            """),
            .nonCompliant("""
            Resources:
              ↓Logs:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: flow-logs-example
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: AES256
                  ↓PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
              LogsPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Logs
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:PutObject
                        Principal:
                          Service: delivery.logs.amazonaws.com
                        Resource: arn:aws:s3:::flow-logs-example/*
              Flow:
                Type: AWS::EC2::FlowLog
                Properties:
                  ResourceId: vpc-123
                  ResourceType: VPC
                  TrafficType: ALL
                  LogDestinationType: s3
                  LogDestination: arn:aws:s3:::flow-logs-example/flow
            """),
            .unknown("""
            Parameters:
              Algorithm:
                Type: String
            Resources:
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration: ↓!If [UseKms, [], []]
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    DestinationBucketName: !Ref Logs
            Conditions:
              UseKms: !Equals [!Ref Algorithm, kms]
            """),
        ])

    /// A compliant load balancer log bucket, with the encryption algorithm to use.
    private static func template(encryption: String, marker: String = "") -> String {
        """
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault:
                      SSEAlgorithm: \(marker)\(encryption)
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
          LogsPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Logs
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Action: s3:*
                    Principal: "*"
                    Resource: [!GetAtt Logs.Arn, !Sub "${Logs.Arn}/*"]
                    Condition:
                      Bool:
                        aws:SecureTransport: false
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: [subnet-1, subnet-2]
              LoadBalancerAttributes:
                - Key: access_logs.s3.enabled
                  Value: "true"
                - Key: access_logs.s3.bucket
                  Value: !Ref Logs
        """
    }

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let sources = EdgeLookups.logSources(for: resource, in: context)
        guard !sources.isEmpty else { return .notApplicable }
        let senders = sources.map(\.label).joined(separator: ", ")
        var violations: [Violation] = []

        let rules = context.resolve(resource, "BucketEncryption", "ServerSideEncryptionConfiguration")
        if case .unknown(let why) = rules { return .unknown(why) }
        let algorithms: [(String?, Position)] = (rules.list ?? []).map { item in
            let byDefault = context.resolver.resolve(item, at: "ServerSideEncryptionByDefault")
            let algorithm = byDefault.map?["SSEAlgorithm"]
            return (context.resolve(algorithm).string, algorithm?.position ?? item.position)
        }
        if algorithms.allSatisfy({ $0.0 == nil }) {
            violations.append(Violation(position: resource.position(ofProperty: "BucketEncryption"),
                                        detail: "no default encryption; it receives logs from \(senders)"))
        } else if let balancer = sources.first(where: { $0.kind == .loadBalancer }),
                  let kms = algorithms.first(where: { $0.0 != nil && $0.0 != "AES256" }) {
            violations.append(Violation(position: kms.1, detail: "encrypted with \(kms.0 ?? ""), but \(balancer.label) delivers access logs only to buckets encrypted with SSE-S3 (AES256); its logs would be lost"))
        }

        let block = context.resolve(resource, "PublicAccessBlockConfiguration")
        if case .unknown(let why) = block { return .unknown(why) }
        let open = S3BucketLevelPublicAccessProhibited.settings.filter { context.resolve(block.map?[$0]).bool != true }
        if !open.isEmpty {
            violations.append(Violation(position: resource.position(ofProperty: "PublicAccessBlockConfiguration"),
                                        detail: "public access is not fully blocked (\(open.joined(separator: ", ")) not true); it receives logs from \(senders)"))
        }

        if !S3Buckets.isTLSOnly(resource, in: context) {
            violations.append(Violation(position: resource.position,
                                        detail: "no bucket policy denies requests without TLS; it receives logs from \(senders)"))
        }
        return .from(violations)
    }
}
