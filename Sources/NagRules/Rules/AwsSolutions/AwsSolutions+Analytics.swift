/// AwsSolutions rules for EMR, Glue, Kinesis, MSK, OpenSearch and QuickSight.
extension AwsSolutionsPack {
    static let analytics: [any Rule] = [
    ]
}
