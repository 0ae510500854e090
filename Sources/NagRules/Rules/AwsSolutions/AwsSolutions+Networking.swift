/// AwsSolutions rules for VPC, CloudFront and API Gateway.
extension AwsSolutionsPack {
    static let networking: [any Rule] = [
        VPCNoNACLs(),
        VPCFlowLogsEnabled(),
        CloudFrontDistributionGeoRestrictions(),
        CloudFrontDistributionWAFIntegration(),
        CloudFrontDistributionAccessLogging(),
        CloudFrontDistributionHttpsViewerNoOutdatedSSL(),
        CloudFrontDistributionNoOutdatedSSL(),
        APIGWAccessLogging(),
        APIGWAssociatedWithWAF(),
        APIGWExecutionLoggingEnabled(),
    ]
}
