/// Lookups shared by the RDS rules: which resource is a cluster or an instance, and its engine.
enum RDSDatabases {
    static let clusterType = "AWS::RDS::DBCluster"
    static let instanceType = "AWS::RDS::DBInstance"
    static let securityGroupType = "AWS::RDS::DBSecurityGroup"
    static let securityGroupIngressType = "AWS::RDS::DBSecurityGroupIngress"

    /// The engine, lowercased (`aurora-mysql`, `postgres` …).
    static func engine(of resource: Resource, in context: RuleContext) -> Scalar {
        Scalar(resource, "Engine", in: context)
    }

    /// Whether the engine is an Aurora one; `false` when no engine is set, nil when it cannot be resolved.
    static func isAurora(_ resource: Resource, in context: RuleContext) -> Bool? {
        let engine = engine(of: resource, in: context)
        if engine.isAbsent { return false }
        return engine.lowercased.map { $0.contains("aurora") }
    }

    /// Where a finding about `property` points: its key when written, else the logical id.
    static func position(of property: String, in resource: Resource) -> Position {
        resource[property: property] == nil ? resource.position : resource.position(ofProperty: property)
    }
}
