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

    /// Compliant when every origin of the distribution is as `judge` wants it (``Verdict/everyMap(in:_:)``),
    /// and when it has none; unknown when its configuration or its origins cannot be read.
    static func everyOrigin(of distribution: Resource, in context: RuleContext,
                            _ judge: (ValueMap) -> Verdict) -> RuleOutcome {
        let origins: Value?
        switch config(of: distribution, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let config): origins = config["Origins"]
        }
        switch PropertyLookup.items(origins, in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let origins)?: return Verdict.everyMap(in: origins, judge).outcome
        }
    }
}
