/// cdk-nag's Serverless pack, one line per rule as cdk-nag's `src/packs/serverless.ts` publishes it: the check
/// (published as `Serverless-<CheckName>`), its level, grouped by service as there.
extension RulePack {
    public static let serverless = RulePack(
        "Serverless", summary: "Serverless best practices for Lambda, API Gateway, AppSync, EventBridge, SNS, SQS and Step Functions, as cdk-nag's Serverless pack runs them.", [
            // MARK: Lambda
            .error(LambdaAsyncFailureDestination()),
            .error(LambdaDefaultMemorySize()),
            .error(LambdaDefaultTimeout()),
            .error(LambdaDLQ()),
            .error(LambdaEventSourceMappingDestination()),
            .error(LambdaLatestVersion()),
            .warning(LambdaStarPermissions()),
            .warning(LambdaTracing()),
            // MARK: Cloudwatch
            .warning(CloudWatchLogGroupRetentionPeriod()),
            // MARK: ApiGw
            .error(APIGWAccessLogging()),
            .error(APIGWDefaultThrottling()),
            .warning(APIGWStructuredLogging()),
            .warning(APIGWXrayEnabled()),
            // MARK: AppSync
            .warning(AppSyncTracing()),
            // MARK: EventBridge
            .error(EventBusDLQ()),
            // MARK: SNS
            .error(SNSRedrivePolicy()),
            // MARK: SQS
            .error(SQSRedrivePolicy()),
            // MARK: StepFunctions
            .error(StepFunctionStateMachineXray()),
        ])
}
