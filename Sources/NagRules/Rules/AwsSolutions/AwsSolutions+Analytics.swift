/// AwsSolutions rules for EMR, Glue, Kinesis, MSK, OpenSearch and QuickSight.
extension AwsSolutionsPack {
    static let analytics: [any Rule] = [
        EMRS3AccessLogging(),
        EMRLocalDiskEncryption(),
        EMREncryptionInTransit(),
        EMRAuthEC2KeyPairOrKerberos(),
        GlueEncryptedCloudWatchLogs(),
        GlueJobBookmarkEncrypted(),
        KinesisDataAnalyticsFlinkCheckpointing(),
        KinesisDataFirehoseSSE(),
        KinesisDataStreamSSE(),
        KinesisDataStreamDefaultKeyWhenSSE(),
        MSKClientToBrokerTLS(),
        MSKBrokerToBrokerTLS(),
        MSKBrokerLogging(),
        OpenSearchInVPCOnly(),
        OpenSearchNodeToNodeEncryption(),
        OpenSearchAllowlistedIPs(),
        OpenSearchDedicatedMasterNode(),
        OpenSearchNoUnsignedOrAnonymousAccess(),
        OpenSearchZoneAwareness(),
        OpenSearchEncryptedAtRest(),
        OpenSearchSlowLogsToCloudWatch(),
        QuicksightSSLConnections(),
    ]
}
