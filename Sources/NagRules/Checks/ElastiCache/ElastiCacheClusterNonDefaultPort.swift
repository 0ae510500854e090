/// AwsSolutions-AEC5: ElastiCache clusters listen on a port other than their engine's default.
struct ElastiCacheClusterNonDefaultPort: Check {
    let about = CheckAbout(
        resourceTypes: [ElastiCacheClusters.cacheClusterType, ElastiCacheClusters.replicationGroupType],
        cause: "The ElastiCache cluster uses its engine's default port.",
        explanation: "Scanners probe Redis on 6379 and Memcached on 11211. A port of your own choosing does not replace network controls, but it removes the cache from the cheapest automated attacks. As in cdk-nag, leaving Port out counts as the default.",
        fix: "Set Port to a value other than 6379 (Redis) or 11211 (Memcached).",
        examples: [
            .compliant("""
            Resources:
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: redis
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  Port: 6380
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  Port: 6390
            """),
            .nonCompliant("""
            Resources:
              ↓Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: memcached
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
            """),
            .nonCompliant("""
            Resources:
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: memcached
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  ↓Port: 11211
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  ↓Port: "6379"
            """),
            .unknown("""
            Parameters:
              Port:
                Type: Number
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  Port: ↓!Ref Port
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let port = Scalar(resource, "Port", in: context)
        if port.isAbsent { return .violation(at: resource.position, "Port is not set") }
        if let number = port.number, number != 6379, number != 11211 { return .compliant }
        if let why = port.unresolved { return .unknown(why) }
        let engine = Scalar(resource, "Engine", in: context)
        let isReplicationGroup = resource.type == ElastiCacheClusters.replicationGroupType
        if let why = engine.unresolved { return .unknown(why) }
        let name = engine.lowercased ?? (isReplicationGroup ? "redis" : "")
        let onDefault = (name == "redis" && port.number == 6379) || (!isReplicationGroup && name == "memcached" && port.number == 11211)
        return onDefault ? .violation(at: resource.position(ofProperty: "Port")) : .compliant
    }
}
