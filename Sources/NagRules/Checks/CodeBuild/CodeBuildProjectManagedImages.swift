/// AwsSolutions-CB5: the project builds on an AWS managed image.
struct CodeBuildProjectManagedImages: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::CodeBuild::Project"],
        cause: "The CodeBuild project does not use an AWS CodeBuild managed image.",
        explanation: "AWS managed images (aws/codebuild/…) are maintained and patched by AWS. A custom image must be kept up to date and scanned by you; use one only when the build needs it.",
        fix: "Set Environment.Image to an aws/codebuild/ image, or suppress the finding with the reason a custom image is needed.",
        examples: [
            .compliant("""
            Resources:
              Build:
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
                    ↓Image: public.ecr.aws/docker/library/node:20
            """),
            .nonCompliant("""
            Parameters:
              Image:
                Type: String
                Default: node:20
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    ↓Image: !Ref Image
            """),
            // cdk-nag throws on the Ref (and reports CB5); nag reads the Default, a managed image.
            .compliant("""
            Parameters:
              DockerImage:
                Type: String
                Default: aws/codebuild/standard:7.0
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    Image: !Ref DockerImage
            """),
            .unknown("""
            Parameters:
              Image:
                Type: String
            Resources:
              Build:
                Type: AWS::CodeBuild::Project
                Properties:
                  Environment:
                    Image: ↓!Ref Image
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let image = PropertyLookup.find(resource, "Environment", "Image", in: context)
        if let why = image.unresolved { return .unknown(why) }
        return image.resolved.string?.hasPrefix("aws/codebuild/") == true ? .compliant : .violation(at: image.position)
    }
}
