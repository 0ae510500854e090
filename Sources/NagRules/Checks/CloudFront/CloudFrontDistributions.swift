/// Lookups shared by the CloudFront rules.
enum CloudFrontDistributions {
    static let distributionType = "AWS::CloudFront::Distribution"
    static let streamingType = "AWS::CloudFront::StreamingDistribution"

    /// The resolved `DistributionConfig` (or `StreamingDistributionConfig`) map, or why it is not known.
    static func config(of distribution: Resource, in context: RuleContext) -> Result<ValueMap, Unresolved> {
        let key = distribution.type == streamingType ? "StreamingDistributionConfig" : "DistributionConfig"
        let resolved = context.resolve(distribution, key)
        if let why = resolved.unresolved { return .failure(why) }
        return .success(resolved.map ?? ValueMap())
    }
}
