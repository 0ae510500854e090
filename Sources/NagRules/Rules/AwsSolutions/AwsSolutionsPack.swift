/// The AwsSolutions pack: cdk-nag's AWS Solutions rules, grouped by service.
///
/// Each service group lives in its own file (`AwsSolutions+S3.swift` …); this file only lists the groups.
public enum AwsSolutionsPack {
    public static let pack = RulePack(
        name: "AwsSolutions",
        summary: "AWS Solutions best practices, as checked by cdk-nag's AwsSolutions pack.",
        rules: compute + storageAndScaling + s3 + networking + security + serverless
            + databases + analytics + machineLearning + media + developerTools)
}
