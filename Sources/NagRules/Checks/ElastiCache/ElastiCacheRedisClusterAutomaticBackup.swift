/// Redis clusters and replication groups keep automatic backups for at least 15 days.
struct ElastiCacheRedisClusterAutomaticBackup: Check {
    static let minimumDays = 15.0

    let about = CheckAbout(
        resourceTypes: [ElastiCacheClusters.cacheClusterType, ElastiCacheClusters.replicationGroupType],
        cause: "The ElastiCache Redis cluster does not keep automatic backups for at least 15 days.",
        explanation: "Automatic snapshots are what a Redis cluster is restored from after data is lost, corrupted or deleted by mistake. With no retention, or a short one, a problem noticed a few days late can no longer be undone. Memcached, which has no persistence, is not checked.",
        fix: "Set SnapshotRetentionLimit to 15 or more (and a SnapshotWindow outside peak hours).",
        examples: [
            .compliant("""
            Resources:
              Sessions:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
                  Engine: redis
                  SnapshotRetentionLimit: 15
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Engine: Redis
                  SnapshotRetentionLimit: "35"
              Memcached:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Engine: memcached
            """),
            .nonCompliant("""
            Resources:
              ↓Sessions:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
            """),
            .nonCompliant("""
            Resources:
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Engine: redis
                  ↓SnapshotRetentionLimit: 7
            """),
            .nonCompliant("""
            Parameters:
              Engine:
                Type: String
                Default: redis
            Resources:
              ↓Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Engine: !Ref Engine
            """),
            .unknown("""
            Parameters:
              Engine:
                Type: String
            Resources:
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Engine: ↓!Ref Engine
                  SnapshotRetentionLimit: 1
            """),
            .unknown("""
            Parameters:
              Days:
                Type: Number
            Resources:
              Sessions:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
                  SnapshotRetentionLimit: ↓!Ref Days
            """),
            .compliant("""
            Parameters:
              Days:
                Type: Number
            Resources:
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Engine: memcached
                  SnapshotRetentionLimit: !Ref Days
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let retention = Requirement.isAtLeast(Self.minimumDays, "SnapshotRetentionLimit", of: resource, in: context)
        guard resource.type == ElastiCacheClusters.cacheClusterType else { return retention }
        let engine = Scalar(resource, "Engine", in: context)
        if engine.isAbsent { return .violation(at: resource.position, "Engine is not set") }
        if let known = engine.lowercased, known != "redis" { return .compliant }
        if case .nonCompliant = retention, let why = engine.unresolved { return .unknown(why) }
        return retention
    }
}
