/// AwsSolutions rules for CodeBuild and Cloud9.
extension AwsSolutionsPack {
    static let developerTools: [any Rule] = [
        CodeBuildProjectKMSEncryptedArtifacts(),
        CodeBuildProjectManagedImages(),
        Cloud9InstanceNoIngressSystemsManager(),
    ]
}
