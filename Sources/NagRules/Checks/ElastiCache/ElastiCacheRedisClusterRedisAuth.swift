/// AwsSolutions-AEC6: Redis replication groups require an AUTH token.
struct ElastiCacheRedisClusterRedisAuth: Check {
    let about = CheckAbout(
        resourceTypes: [ElastiCacheClusters.replicationGroupType],
        cause: "The ElastiCache Redis replication group does not require Redis AUTH.",
        explanation: "Without an AUTH token any client that can reach the nodes over the network can read and overwrite every key. Requiring a token (with encryption in transit) adds authentication on top of the network controls.",
        fix: "Set AuthToken, preferably from a Secrets Manager dynamic reference, and enable TransitEncryptionEnabled.",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  TransitEncryptionEnabled: true
                  AuthToken: "{{resolve:secretsmanager:cache-token}}"
            """),
            .nonCompliant("""
            Resources:
              ↓Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
            """),
            .nonCompliant("""
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  ↓AuthToken: ""
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isNonEmpty("AuthToken", of: resource, in: context)
    }
}
