extension AwsSolutionsPack {
    static let s3: [any Rule] = [
        S3BucketLoggingEnabled(),
        S3BucketLevelPublicAccessProhibited(),
        S3WebBucketOAIAccess(),
        S3BucketSSLRequestsOnly(),
    ]
}
