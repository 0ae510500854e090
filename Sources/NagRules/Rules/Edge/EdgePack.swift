/// The Edge pack: the CloudFront → load balancer → container origin architecture, locked down end to end.
public enum EdgePack {
    public static let pack = RulePack(
        name: "Edge",
        summary: "CloudFront in front of an internet-facing application load balancer: logs, headers, TLS and origin lock.",
        rules: [
            EncryptedLogBucket(),
            DropInvalidHeaderFields(),
            HTTPSOnlyViewers(),
            OriginLockedToCloudFront(),
        ])
}
