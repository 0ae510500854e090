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
        CloudFrontDistributionS3OriginAccessIdentity(),
        CloudFrontDistributionS3OriginAccessControl(),
        APIGWAccessLogging(),
        APIGWRequestValidation(),
        APIGWAssociatedWithWAF(),
        APIGWAuthorization(),
        APIGWExecutionLoggingEnabled(),
    ]
}
