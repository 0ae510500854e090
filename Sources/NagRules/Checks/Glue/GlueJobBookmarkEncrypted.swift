/// AwsSolutions-GL3: Glue jobs encrypt their job bookmarks.
struct GlueJobBookmarkEncrypted: Check {
    let about = CheckAbout(
        resourceTypes: [GlueSecurity.jobType],
        cause: "The Glue job does not use a security configuration that encrypts its job bookmarks.",
        explanation: "Job bookmarks record which data a job has already processed. A security configuration with job bookmark encryption mode CSE-KMS encrypts them with a KMS key you control before they are stored.",
        fix: "Name an AWS::Glue::SecurityConfiguration (by Ref or by its Name) whose EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode is CSE-KMS.",
        examples: [
            .compliant("""
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
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
                  SecurityConfiguration: !Ref Security
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
                      CloudWatchEncryptionMode: SSE-KMS
                    JobBookmarksEncryption:
                      JobBookmarksEncryptionMode: DISABLED
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: glue-role
                  Command: {Name: glueetl, ScriptLocation: s3://scripts/job.py}
                  ↓SecurityConfiguration: glue-security
            """),
            .nonCompliant("""
            Parameters:
              SecurityName:
                Type: String
                Default: other-security
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
                  ↓SecurityConfiguration: !Ref SecurityName
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
        GlueSecurity.evaluate(resource, designatedBy: "SecurityConfiguration", in: context, detail: "no named security configuration encrypts job bookmarks with CSE-KMS") { configuration in
            context.resolve(configuration, "EncryptionConfiguration", "JobBookmarksEncryption", "JobBookmarksEncryptionMode").string == "CSE-KMS"
        }
    }
}
