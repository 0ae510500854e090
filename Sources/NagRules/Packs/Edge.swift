/// The Edge pack (ours): CloudFront in front of an internet-facing application load balancer, locked down
/// end to end: encrypted log buckets, dropped invalid headers, HTTPS viewers and an origin only CloudFront reaches.
extension RulePack {
    public static let edge = RulePack(
        "Edge", summary: "CloudFront in front of an internet-facing application load balancer: logs, headers, TLS and origin lock.", [
            .error("LOG1", EncryptedLogBucket()),
            .error("ALB1", DropInvalidHeaderFields()),
            .error("CFR1", HTTPSOnlyViewers()),
            .error("ORIGIN1", OriginLockedToCloudFront()),
        ])
}
