/// AwsSolutions rules for Lex and SageMaker.
extension AwsSolutionsPack {
    static let machineLearning: [any Rule] = [
        SageMakerNotebookInVPC(),
        SageMakerNotebookInstanceKMSKeyConfigured(),
        SageMakerNotebookNoDirectInternetAccess(),
    ]
}
