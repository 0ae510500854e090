/// AwsSolutions-CFR6: a streaming distribution reads its S3 origin through an origin access identity.
struct CloudFrontDistributionS3OriginAccessIdentity: Check {
    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.streamingType],
        cause: "The CloudFront streaming distribution does not use an origin access identity for its S3 origin.",
        explanation: "With an origin access identity the bucket can stay private, readable only by CloudFront; without one the bucket has to be public, and its objects can be fetched directly, bypassing the distribution.",
        fix: "Set StreamingDistributionConfig.S3Origin.OriginAccessIdentity to origin-access-identity/cloudfront/<OAI id>, and allow only that identity in the bucket policy.",
        examples: [
            .compliant("""
            Resources:
              Stream:
                Type: AWS::CloudFront::StreamingDistribution
                Properties:
                  StreamingDistributionConfig:
                    Comment: media
                    Enabled: true
                    TrustedSigners: {Enabled: false}
                    S3Origin:
                      DomainName: media.s3.amazonaws.com
                      OriginAccessIdentity: origin-access-identity/cloudfront/E127EXAMPLE51Z
            """),
            .nonCompliant("""
            Resources:
              Stream:
                Type: AWS::CloudFront::StreamingDistribution
                Properties:
                  StreamingDistributionConfig:
                    Comment: media
                    Enabled: true
                    TrustedSigners: {Enabled: false}
                    S3Origin:
                      DomainName: media.s3.amazonaws.com
                      ↓OriginAccessIdentity: " "
            """),
            .unknown("""
            Parameters:
              Identity:
                Type: String
            Resources:
              Stream:
                Type: AWS::CloudFront::StreamingDistribution
                Properties:
                  StreamingDistributionConfig:
                    Comment: media
                    Enabled: true
                    TrustedSigners: {Enabled: false}
                    S3Origin:
                      DomainName: media.s3.amazonaws.com
                      OriginAccessIdentity: ↓!Ref Identity
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config: ValueMap
        switch CloudFrontDistributions.config(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let map): config = map
        }
        let origin = context.resolve(config["S3Origin"])
        if let why = origin.unresolved { return .unknown(why) }
        let identity = origin.map?["OriginAccessIdentity"]
        switch context.resolve(identity) {
        case .unknown(let why):
            // A Fn::Sub or Fn::Join around an identity's id is set, whatever the id.
            return identity?.intrinsicValue?.name == .ref ? .unknown(why) : .compliant
        case .resource: return .compliant
        case .absent: return .violation(at: origin.map?.entry("OriginAccessIdentity")?.keyPosition ?? resource.position)
        case .value(let v):
            guard let text = v.scalarText, text.allSatisfy(\.isWhitespace) else { return .compliant }
            return .violation(at: origin.map?.entry("OriginAccessIdentity")?.keyPosition ?? resource.position)
        }
    }
}
