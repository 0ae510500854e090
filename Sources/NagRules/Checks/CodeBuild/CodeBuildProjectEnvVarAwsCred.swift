/// A CodeBuild project does not hold AWS access keys (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`) in plain-text environment variables.
struct CodeBuildProjectEnvVarAwsCred: Check {
    static let credentials: Set<String> = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]

    let about = CheckAbout(
        resourceTypes: ["AWS::CodeBuild::Project"],
        cause: "The CodeBuild project stores AWS credentials in plain-text environment variables.",
        explanation: "Plain-text environment variables are part of the project definition: anyone who can read the project, the template or its history sees the access key, which stays valid until someone rotates it. A build needs no access keys at all, since it runs with its service role's temporary credentials.",
        fix: "Remove AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and grant the permissions to the project's service role; if keys are truly needed, give them Type PARAMETER_STORE or SECRETS_MANAGER.",
        examples: [
            .compliant("""
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
                  Environment:
                    Type: LINUX_CONTAINER
                    ComputeType: BUILD_GENERAL1_SMALL
                    Image: aws/codebuild/standard:7.0
                    EnvironmentVariables:
                      - Name: STAGE
                        Value: prod
                      - Name: AWS_SECRET_ACCESS_KEY
                        Type: SECRETS_MANAGER
                        Value: deploy-keys:secret
            """),
            .nonCompliant("""
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
                  Environment:
                    Type: LINUX_CONTAINER
                    ComputeType: BUILD_GENERAL1_SMALL
                    Image: aws/codebuild/standard:7.0
                    EnvironmentVariables:
                      - ↓Name: AWS_ACCESS_KEY_ID
                        Value: AKIAIOSFODNN7EXAMPLE
            """),
            .nonCompliant("""
            Parameters:
              KeyName:
                Type: String
                Default: AWS_SECRET_ACCESS_KEY
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
                  Environment:
                    Type: LINUX_CONTAINER
                    ComputeType: BUILD_GENERAL1_SMALL
                    Image: aws/codebuild/standard:7.0
                    EnvironmentVariables:
                      - ↓Name: !Ref KeyName
                        Type: PLAINTEXT
                        Value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            """),
            .unknown("""
            Parameters:
              ValueType:
                Type: String
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  ServiceRole: arn:aws:iam::123456789012:role/build
                  Artifacts: {Type: NO_ARTIFACTS}
                  Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
                  Environment:
                    Type: LINUX_CONTAINER
                    ComputeType: BUILD_GENERAL1_SMALL
                    Image: aws/codebuild/standard:7.0
                    EnvironmentVariables:
                      - Name: AWS_ACCESS_KEY_ID
                        Type: ↓!Ref ValueType
                        Value: deploy-keys
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let environment = context.resolve(resource, "Environment")
        if let why = environment.unresolved { return .unknown(why) }
        switch PropertyLookup.items(environment.map?["EnvironmentVariables"], in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let variables)?:
            return Verdict.everyMap(in: variables) { variable in
                let name = Scalar(variable["Name"], in: context)
                let type = Scalar(variable["Type"], in: context)
                if let known = type.text, known != "PLAINTEXT" { return .holds }
                if let why = name.unresolved { return .undecided(why) }
                guard let text = name.text, Self.credentials.contains(text) else { return .holds }
                if let why = type.unresolved { return .undecided(why) }
                return .fails(at: variable.entry("Name")?.keyPosition ?? resource.position(ofProperty: "Environment"),
                              "\(text) is stored in plain text")
            }.outcome
        }
    }
}
