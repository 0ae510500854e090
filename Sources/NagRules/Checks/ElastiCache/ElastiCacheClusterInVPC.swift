/// AwsSolutions-AEC1: ElastiCache clusters run in a VPC subnet group.
struct ElastiCacheClusterInVPC: Check {
    let about = CheckAbout(
        resourceTypes: [ElastiCacheClusters.cacheClusterType, ElastiCacheClusters.replicationGroupType],
        cause: "The ElastiCache cluster is not placed in a VPC subnet group.",
        explanation: "A cache placed in a VPC subnet group is reachable only from the networks and security groups allowed there. Without a subnet group the cluster is not isolated in the application's own private network.",
        fix: "Create an AWS::ElastiCache::SubnetGroup with private subnets and set CacheSubnetGroupName to it.",
        examples: [
            .compliant("""
            Resources:
              Subnets:
                Type: AWS::ElastiCache::SubnetGroup
                Properties:
                  Description: cache
                  SubnetIds: [subnet-1, subnet-2]
              Cache:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: memcached
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
                  CacheSubnetGroupName: !Ref Subnets
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
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  ↓CacheSubnetGroupName: ""
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.isNonEmpty("CacheSubnetGroupName", of: resource, in: context)
    }
}
