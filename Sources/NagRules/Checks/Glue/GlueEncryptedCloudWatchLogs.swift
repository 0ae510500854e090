/// AwsSolutions-GL1: Glue jobs and crawlers encrypt the logs they write to CloudWatch.
struct GlueEncryptedCloudWatchLogs: Check {
    let about = CheckAbout(
        resourceTypes: [GlueSecurity.jobType, GlueSecurity.crawlerType],
        cause: "The Glue job or crawler does not use a security configuration that encrypts its CloudWatch logs.",
        explanation: "Glue jobs and crawlers write their logs, which can include data values and paths, to CloudWatch Logs. A security configuration with CloudWatch encryption mode SSE-KMS encrypts them with a KMS key you control.",
        fix: "Name an AWS::Glue::SecurityConfiguration (by Ref or by its Name) whose EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode is SSE-KMS.",
        examples: [
            .compliant("""
            Resources:
              Security:
                Type: AWS::Glue::SecurityConfiguration
                Properties:
                  Name: glue-security
                  EncryptionConfiguration:
                    CloudWatchEncryption:
                      CloudWatchEncryptionMode: SSE-KMS
                    JobBookmarksEncryption:
                      JobBookmarksEncryptionMode: CSE-KMS
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
                  SecurityConfiguration: !Ref Security
              Crawler:
                Type: AWS::Glue::Crawler
                Properties:
                  Role: glue-role
                  Targets: {S3Targets: [{Path: s3://data/}]}
                  CrawlerSecurityConfiguration: glue-security
            """),
            .nonCompliant("""
            Resources:
              ↓Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
            """),
            .nonCompliant("""
            Resources:
              Security:
                Type: AWS::Glue::SecurityConfiguration
                Properties:
                  Name: glue-security
                  EncryptionConfiguration:
                    CloudWatchEncryption:
                      CloudWatchEncryptionMode: DISABLED
                    JobBookmarksEncryption:
                      JobBookmarksEncryptionMode: CSE-KMS
              Crawler:
                Type: AWS::Glue::Crawler
                Properties:
                  Role: glue-role
                  Targets: {S3Targets: [{Path: s3://data/}]}
                  ↓CrawlerSecurityConfiguration: glue-security
            """),
            .nonCompliant("""
            Resources:
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
                  ↓SecurityConfiguration: other-security
            """),
            .compliant("""
            Parameters:
              SecurityName:
                Type: String
                Default: glue-security
            Resources:
              Security:
                Type: AWS::Glue::SecurityConfiguration
                Properties:
                  Name: glue-security
                  EncryptionConfiguration:
                    CloudWatchEncryption:
                      CloudWatchEncryptionMode: SSE-KMS
                    JobBookmarksEncryption:
                      JobBookmarksEncryptionMode: DISABLED
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
                  SecurityConfiguration: !Ref SecurityName
            """),
            .unknown("""
            Parameters:
              SecurityName:
                Type: String
            Resources:
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
                  SecurityConfiguration: ↓!Ref SecurityName
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let key = resource.type == GlueSecurity.crawlerType ? "CrawlerSecurityConfiguration" : "SecurityConfiguration"
        return GlueSecurity.evaluate(resource, designatedBy: key, in: context, detail: "no named security configuration encrypts CloudWatch logs with SSE-KMS") { configuration in
            context.resolve(configuration, "EncryptionConfiguration", "CloudWatchEncryption", "CloudWatchEncryptionMode").string == "SSE-KMS"
        }
    }
}
