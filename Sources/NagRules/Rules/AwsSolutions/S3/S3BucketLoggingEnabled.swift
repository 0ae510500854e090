/// AwsSolutions-S1: buckets record server access logs, unless they are themselves a log destination.
struct S3BucketLoggingEnabled: Rule {
    let description = RuleDescription(
        id: "AwsSolutions-S1", level: .error, resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not record server access logs.",
        explanation: "Server access logs record each request made to a bucket: who asked, for what, and when. Without them, an access incident cannot be investigated. A bucket that is itself the destination of another bucket's access logs is exempt.",
        fix: "Set LoggingConfiguration.DestinationBucketName to a logging bucket (and optionally LogFilePrefix).",
        examples: [
            .compliant("""
            Resources:
              Logs:
                Type: AWS::S3::Bucket
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    DestinationBucketName: !Ref Logs
                    LogFilePrefix: data/
            """),
            .compliant("""
            Parameters:
              LogBucket:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    DestinationBucketName: !Ref LogBucket
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-data"
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration: {}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let logging = context.resolve(resource, "LoggingConfiguration")
        if case .unknown(let why) = logging { return .unknown(why) }
        if let map = logging.map, map["DestinationBucketName"] != nil || map["LogFilePrefix"] != nil {
            return .compliant
        }
        if isLogDestination(resource, in: context) { return .compliant }
        return .violation(at: resource.position)
    }

    /// Whether any bucket (this one included) sends its access logs to `bucket`.
    private func isLogDestination(_ bucket: Resource, in context: RuleContext) -> Bool {
        let name = S3Buckets.declaredName(of: bucket, in: context)
        return context.graph.resources(ofType: S3Buckets.bucketType).contains { other in
            let destination = context.resolver.resolve(other.properties["LoggingConfiguration"], at: "DestinationBucketName")
            if destination.resourceLink?.logicalId == bucket.logicalId { return true }
            let flattened = CdkNagText.flatten(other.properties["LoggingConfiguration"]?["DestinationBucketName"])
            return CdkNagText.containsName(bucket.logicalId, in: flattened, allowingHyphen: true)
                || (name != nil && (flattened == name || destination.string == name))
        }
    }
}
