/// A CodeBuild project's source authenticates with OAuth (`Source.Auth.Type: OAUTH`).
struct CodeBuildProjectSourceRepoUrl: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::CodeBuild::Project"],
        cause: "The CodeBuild project's source does not authenticate with OAuth.",
        explanation: "A GitHub or Bitbucket source reached with credentials written into the repository URL, or a personal access token, exposes a long-lived secret wherever the project definition is read. OAuth lets CodeBuild connect through an authorization that can be scoped and revoked without a secret in the project.",
        fix: "Set Source.Auth with Type: OAUTH (connecting CodeBuild to the provider with OAuth), and keep credentials out of Source.Location.",
        examples: [
            .compliant("""
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
                  Source:
                    Type: GITHUB
                    Location: https://github.com/example/app.git
                    Auth:
                      Type: OAUTH
            """),
            .nonCompliant("""
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
                  ↓Source:
                    Type: GITHUB
                    Location: https://user:token@github.com/example/app.git
            """),
            .nonCompliant("""
            Resources:
              ↓Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
            """),
            .nonCompliant("""
            Parameters:
              AuthType:
                Type: String
                Default: PERSONAL_ACCESS_TOKEN
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
                  Source:
                    Type: GITHUB
                    Location: https://github.com/example/app.git
                    Auth:
                      ↓Type: !Ref AuthType
            """),
            .unknown("""
            Parameters:
              AuthType:
                Type: String
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
                  Source:
                    Type: GITHUB
                    Location: https://github.com/example/app.git
                    Auth:
                      Type: ↓!Ref AuthType
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let auth = PropertyLookup.find(resource, "Source", "Auth", in: context)
        if auth.resolved.isAbsent { return .violation(at: auth.position, "Source.Auth is not set") }
        if let why = auth.unresolved { return .unknown(why) }
        let type = PropertyLookup.find(resource, "Source", "Auth", "Type", in: context)
        let scalar = type.resolved.scalar
        if let why = scalar.unresolved { return .unknown(why) }
        return scalar.text == "OAUTH" ? .compliant : .violation(at: type.position, "Source.Auth.Type is not OAUTH")
    }
}
