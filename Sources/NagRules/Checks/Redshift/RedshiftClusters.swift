/// Lookups shared by the Redshift rules: a cluster's parameter group and its settings.
enum RedshiftClusters {
    static let clusterType = "AWS::Redshift::Cluster"
    static let parameterGroupType = "AWS::Redshift::ClusterParameterGroup"

    enum ParameterGroup {
        /// ClusterParameterGroupName is not set.
        case missing
        /// It names a parameter group of this template.
        case found(Resource)
        /// It names a group that is not declared here (the default group, or one made elsewhere).
        case notFound
        case unknown(Unresolved)
    }

    /// The parameter group a cluster uses. As in cdk-nag, a group is matched by logical id (through Ref or
    /// Fn::GetAtt, or a literal equal to its logical id), not by its ParameterGroupName.
    static func parameterGroup(of cluster: Resource, in context: RuleContext) -> ParameterGroup {
        let name: String
        switch context.resolve(cluster, "ClusterParameterGroupName") {
        case .absent: return .missing
        case .unknown(let why): return .unknown(why)
        case .resource(let link): name = link.logicalId
        case .value(let v):
            guard let text = v.scalarText else { return .notFound }
            name = text
        }
        guard let group = context.graph.resource(named: name), group.type == parameterGroupType else { return .notFound }
        return .found(group)
    }

    /// Whether the group sets a parameter as `matches` accepts it; nil when a parameter cannot be resolved
    /// and none matched.
    static func sets(_ group: Resource, in context: RuleContext,
                     where matches: (_ name: String, _ value: String) -> Bool) -> Bool? {
        guard case .success(let items)? = context.resolver.resolveList(group[property: "Parameters"]) else {
            return false
        }
        var undecided = false
        for item in items {
            guard let map = item.map else { undecided = undecided || item.isUnknown; continue }
            let name = Scalar(map["ParameterName"], in: context)
            let value = Scalar(map["ParameterValue"], in: context)
            guard let n = name.text, let v = value.text else {
                undecided = undecided || name.unresolved != nil || value.unresolved != nil
                continue
            }
            if matches(n, v) { return true }
        }
        return undecided ? nil : false
    }

    /// Where a finding about the cluster's parameter group points.
    static func groupPosition(_ cluster: Resource) -> Position {
        cluster[property: "ClusterParameterGroupName"] == nil ? cluster.position
            : cluster.position(ofProperty: "ClusterParameterGroupName")
    }
}
