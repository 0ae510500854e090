/// AwsSolutions rules for Lambda, AppSync, Step Functions, EventBridge, SNS and SQS.
extension AwsSolutionsPack {
    static let serverless: [any Rule] = [
        LambdaLatestVersion(),
        AppSyncGraphQLRequestLogging(),
        StepFunctionStateMachineAllLogsToCloudWatch(),
        StepFunctionStateMachineXray(),
        EventBusOpenAccess(),
        SNSTopicSSLPublishOnly(),
        SQSQueueSSE(),
        SQSQueueDLQ(),
        SQSQueueSSLRequestsOnly(),
    ]
}
