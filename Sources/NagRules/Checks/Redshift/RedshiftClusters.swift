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

    /// A parameter group's `Parameters`.
    static let parameters = SettingsList(nameFields: ["ParameterName"], valueField: "ParameterValue")

    /// Compliant when the cluster uses a parameter group of the template that sets a parameter as `matches`
    /// accepts it; otherwise a violation at the cluster's `ClusterParameterGroupName` naming the group and what
    /// it fails to do (`detail`: "does not set require_ssl to true").
    static func requireParameter(of cluster: Resource, in context: RuleContext, failing detail: String,
                                 where matches: (_ name: String, _ value: String) -> Bool) -> RuleOutcome {
        switch parameterGroup(of: cluster, in: context) {
        case .missing: return .violation(at: cluster.position, "ClusterParameterGroupName is not set")
        case .unknown(let why): return .unknown(why)
        case .notFound: return .violation(at: groupPosition(cluster), "the parameter group is not declared in the template")
        case .found(let group):
            switch sets(group, in: context, where: matches).truth {
            case .holds: return .compliant
            case .fails: return .violation(at: groupPosition(cluster), "\(group.logicalId) \(detail)")
            case .undecided:
                return .unknown("a parameter of \(group.logicalId) cannot be resolved", at: group.position(ofProperty: "Parameters"))
            }
        }
    }

    /// Whether the group sets a parameter as `matches` accepts it; undecided when a parameter cannot be
    /// resolved and none matched.
    private static func sets(_ group: Resource, in context: RuleContext,
                             where matches: (_ name: String, _ value: String) -> Bool) -> Verdict {
        guard case .success(let items)? = PropertyLookup.items(group[property: "Parameters"], in: context) else {
            return .fails
        }
        return parameters.some(in: items, otherwise: .fails) { parameter in
            let name = Scalar(parameter.name, in: context)
            let value = Scalar(parameter.value, in: context)
            guard let n = name.text, let v = value.text else {
                return (name.unresolved ?? value.unresolved).map(Verdict.undecided) ?? .fails
            }
            return .from(matches(n, v))
        }
    }

    /// Where a finding about the cluster's parameter group points.
    static func groupPosition(_ cluster: Resource) -> Position {
        cluster[property: "ClusterParameterGroupName"] == nil ? cluster.position
            : cluster.position(ofProperty: "ClusterParameterGroupName")
    }
}
