/// AwsSolutions-CFR3: distributions (and streaming distributions) write access logs.
struct CloudFrontDistributionAccessLogging: Check {
    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.distributionType, CloudFrontDistributions.streamingType],
        cause: "The CloudFront distribution does not write access logs.",
        explanation: "Access logs record every viewer request a distribution serves: who asked for what, when, and with what result. They are needed to understand traffic and to investigate abuse.",
        fix: "Set DistributionConfig.Logging with the S3 bucket to write to (for a streaming distribution, also Enabled: true).",
        examples: [
            .compliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Logging:
                      Bucket: logs.s3.amazonaws.com
            """),
            .nonCompliant("""
            Resources:
              ↓Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
            """),
            .nonCompliant("""
            Resources:
              Stream:
                Type: AWS::CloudFront::StreamingDistribution
                Properties:
                  StreamingDistributionConfig:
                    Comment: media
                    Enabled: true
                    Logging:
                      ↓Enabled: false
                      Bucket: logs.s3.amazonaws.com
                      Prefix: media/
            """),
            .unknown("""
            Parameters:
              Log:
                Type: String
            Resources:
              Stream:
                Type: AWS::CloudFront::StreamingDistribution
                Properties:
                  StreamingDistributionConfig:
                    Comment: media
                    Enabled: true
                    Logging:
                      Enabled: ↓!Ref Log
                      Bucket: logs.s3.amazonaws.com
                      Prefix: media/
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config: ValueMap
        switch CloudFrontDistributions.config(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let map): config = map
        }
        let logging = context.resolve(config["Logging"])
        switch logging {
        case .absent: return .violation(at: resource.position)
        case .unknown(let why): return .unknown(why)
        default: break
        }
        guard resource.type == CloudFrontDistributions.streamingType else { return .compliant }
        let enabled = Scalar(logging.map?["Enabled"], in: context)
        if let why = enabled.unresolved { return .unknown(why) }
        if enabled.bool == true { return .compliant }
        return .violation(at: PropertyLookup.position(of: "Enabled", in: logging.map, else: resource.position))
    }
}
