/// AwsSolutions-AEC4: Redis replication groups fail over across availability zones.
struct ElastiCacheRedisClusterMultiAZ: Check {
    let about = CheckAbout(
        resourceTypes: [ElastiCacheClusters.replicationGroupType],
        cause: "The ElastiCache Redis replication group does not have Multi-AZ enabled.",
        explanation: "With Multi-AZ, a replica in another availability zone is promoted automatically when the primary node or its zone fails; without it the group stays unavailable for writes until the primary is replaced.",
        fix: "Set MultiAZEnabled to true (with AutomaticFailoverEnabled and at least one replica).",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  MultiAZEnabled: true
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
                  ↓MultiAZEnabled: false
            """),
            .unknown("""
            Parameters:
              MultiAz:
                Type: String
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  MultiAZEnabled: ↓!Ref MultiAz
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isTrue("MultiAZEnabled", of: resource, in: context)
    }
}
