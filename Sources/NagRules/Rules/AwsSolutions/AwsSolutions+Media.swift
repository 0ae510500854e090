/// AwsSolutions rules for MediaStore.
extension AwsSolutionsPack {
    static let media: [any Rule] = [
        MediaStoreContainerAccessLogging(),
        MediaStoreContainerSSLRequestsOnly(),
        MediaStoreCloudWatchMetricPolicy(),
        MediaStoreContainerHasContainerPolicy(),
        MediaStoreContainerCORSPolicy(),
        MediaStoreContainerLifecyclePolicy(),
    ]
}
