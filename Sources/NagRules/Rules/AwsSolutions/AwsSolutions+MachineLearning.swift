/// AwsSolutions rules for Lex and SageMaker.
extension AwsSolutionsPack {
    static let machineLearning: [any Rule] = [
        LexBotAliasEncryptedConversationLogs(),
        SageMakerNotebookInVPC(),
        SageMakerNotebookInstanceKMSKeyConfigured(),
        SageMakerNotebookNoDirectInternetAccess(),
    ]
}
