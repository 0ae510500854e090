/// AwsSolutions-CB4: the project encrypts its build artifacts with a customer managed KMS key.
struct CodeBuildProjectKMSEncryptedArtifacts: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::CodeBuild::Project"],
        cause: "The CodeBuild project does not encrypt its build artifacts with a customer managed KMS key.",
        explanation: "Without an EncryptionKey, or with the AWS managed key alias/aws/s3, artifacts are encrypted with a key you cannot restrict or audit separately. A customer managed key lets you control who can decrypt build output.",
        fix: "Set EncryptionKey to the ARN or alias of a customer managed KMS key.",
        examples: [
            .compliant("""
            Resources:
              Key:
                Type: AWS::KMS::Key
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  EncryptionKey: !GetAtt Key.Arn
            """),
            .nonCompliant("""
            Resources:
              ↓Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    Image: aws/codebuild/standard:7.0
            """),
            .nonCompliant("""
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    Image: aws/codebuild/standard:7.0
                  ↓EncryptionKey: alias/aws/s3
            """),
            .nonCompliant("""
            Parameters:
              Key:
                Type: String
                Default: alias/aws/s3
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    Image: aws/codebuild/standard:7.0
                  ↓EncryptionKey: !Ref Key
            """),
            .compliant("""
            Parameters:
              Key:
                Type: String
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    Image: aws/codebuild/standard:7.0
                  EncryptionKey: !Ref Key
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        // cdk-nag compares the key with the literal alias only; a value nag cannot resolve is not that alias.
        let key = PropertyLookup.find(resource, "EncryptionKey", in: context)
        if key.resolved.isAbsent { return .violation(at: key.position) }
        return key.resolved.string == "alias/aws/s3" ? .violation(at: key.position, "the AWS managed key alias/aws/s3") : .compliant
    }
}
