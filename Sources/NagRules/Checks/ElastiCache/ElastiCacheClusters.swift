/// Lookups shared by the ElastiCache rules.
enum ElastiCacheClusters {
    static let cacheClusterType = "AWS::ElastiCache::CacheCluster"
    static let replicationGroupType = "AWS::ElastiCache::ReplicationGroup"
}
