/// AwsSolutions-EMR2: the cluster writes its logs to S3.
struct EMRS3AccessLogging: Check {
    let about = CheckAbout(
        resourceTypes: [EMRClusters.clusterType],
        cause: "The EMR cluster does not archive its logs to S3.",
        explanation: "Without a log URI, step, application and node logs live only on the cluster's instances and disappear when it terminates, leaving nothing to troubleshoot a failed job or investigate an incident.",
        fix: "Set LogUri to an S3 location (s3://bucket/prefix/).",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  LogUri: !Sub "s3://${Logs}/emr/"
              Logs:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  ReleaseLabel: emr-6.15.0
            """),
            .nonCompliant("""
            Parameters:
              LogBucket:
                Type: String
                Default: ""
            Conditions:
              HasLogs: !Not [!Equals [!Ref LogBucket, ""]]
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  ↓LogUri: !If [HasLogs, !Sub "s3://${LogBucket}/", !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              LogBucket:
                Type: String
            Conditions:
              HasLogs: !Not [!Equals [!Ref LogBucket, ""]]
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  LogUri: !If [HasLogs, !Sub "s3://${LogBucket}/", !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "LogUri", in: context).requiringPresence()
    }
}
