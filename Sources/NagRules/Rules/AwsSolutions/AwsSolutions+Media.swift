/// AwsSolutions rules for MediaStore.
extension AwsSolutionsPack {
    static let media: [any Rule] = [
        MediaStoreContainerAccessLogging(),
        MediaStoreCloudWatchMetricPolicy(),
        MediaStoreContainerHasContainerPolicy(),
        MediaStoreContainerCORSPolicy(),
        MediaStoreContainerLifecyclePolicy(),
    ]
}
