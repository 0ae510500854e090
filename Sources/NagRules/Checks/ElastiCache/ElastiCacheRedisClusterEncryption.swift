/// AwsSolutions-AEC3: Redis replication groups encrypt data at rest and in transit.
struct ElastiCacheRedisClusterEncryption: Check {
    static let settings = ["AtRestEncryptionEnabled", "TransitEncryptionEnabled"]

    let about = CheckAbout(
        resourceTypes: [ElastiCacheClusters.replicationGroupType],
        cause: "The ElastiCache Redis replication group does not encrypt data both at rest and in transit.",
        explanation: "Cached data is often a copy of sensitive records or session tokens. Encryption at rest protects it on disk and in backups; encryption in transit stops it from being read or altered on the network between clients and nodes.",
        fix: "Set both AtRestEncryptionEnabled and TransitEncryptionEnabled to true on the replication group.",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  AtRestEncryptionEnabled: true
                  TransitEncryptionEnabled: "true"
            """),
            .nonCompliant("""
            Resources:
              ↓Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  AtRestEncryptionEnabled: true
            """),
            .nonCompliant("""
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  AtRestEncryptionEnabled: true
                  ↓TransitEncryptionEnabled: false
            """),
            .unknown("""
            Parameters:
              Transit:
                Type: String
            Resources:
              Group:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  AtRestEncryptionEnabled: true
                  TransitEncryptionEnabled: ↓!Ref Transit
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let values = Self.settings.map { Scalar(resource, $0, in: context) }
        if let missing = zip(Self.settings, values).first(where: { $0.1.isAbsent }) {
            return .violation(at: resource.position, "\(missing.0) is not set")
        }
        if let off = zip(Self.settings, values).first(where: { $0.1.looselyFalse == true }) {
            return .violation(at: resource.position(ofProperty: off.0), "\(off.0) is false")
        }
        if let why = values.compactMap(\.unresolved).first { return .unknown(why) }
        return .compliant
    }
}
