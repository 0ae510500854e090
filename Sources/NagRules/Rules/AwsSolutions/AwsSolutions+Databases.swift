/// AwsSolutions rules for RDS, DynamoDB, ElastiCache, Neptune, Redshift, DocumentDB and Timestream.
extension AwsSolutionsPack {
    static let databases: [any Rule] = [
        RDSStorageEncrypted(),
        RDSMultiAZSupport(),
        AuroraMySQLPostgresIAMAuth(),
        RDSRestrictedInbound(),
        RDSInstanceDeletionProtectionEnabled(),
        RDSNonDefaultPort(),
        RDSInstanceBackupEnabled(),
        AuroraMySQLBacktrack(),
        AuroraMySQLLogging(),
        DynamoDBPITREnabled(),
        DAXEncrypted(),
        ElastiCacheClusterInVPC(),
        ElastiCacheRedisClusterEncryption(),
        ElastiCacheRedisClusterMultiAZ(),
        ElastiCacheClusterNonDefaultPort(),
        ElastiCacheRedisClusterRedisAuth(),
    ]
}
