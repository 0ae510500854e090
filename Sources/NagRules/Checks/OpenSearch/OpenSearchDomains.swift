/// The two domain types the OpenSearch rules read: OpenSearch Service and its Elasticsearch predecessor.
enum OpenSearchDomains {
    static let openSearchType = "AWS::OpenSearchService::Domain"
    static let elasticsearchType = "AWS::Elasticsearch::Domain"
    static let types: Set<String> = [openSearchType, elasticsearchType]

    /// The cluster configuration key: `ClusterConfig`, or `ElasticsearchClusterConfig` for Elasticsearch.
    static func clusterConfigKey(of domain: Resource) -> String {
        domain.type == elasticsearchType ? "ElasticsearchClusterConfig" : "ClusterConfig"
    }

    /// Where a finding about the access policy points: the statement's `Effect`, or `AccessPolicies`.
    static func position(of statement: ValueMap, in domain: Resource) -> Position {
        statement.entry("Effect")?.keyPosition ?? domain.position(ofProperty: "AccessPolicies")
    }

    /// The statements of the domain's access policy, resolved as far as nag can, or why they cannot be
    /// read. `nil` when the domain has no access policy, or one without statements.
    static func accessStatements(of domain: Resource, in context: RuleContext) -> Result<[ValueMap], Unresolved>? {
        let policy = PropertyLookup.find(domain, "AccessPolicies", in: context)
        if let why = policy.unresolved { return .failure(why) }
        guard let document = policy.resolved.value, let expanded = PropertyLookup.expand(document, in: context) else { return nil }
        guard let statements = expanded["Statement"] else { return nil }
        // cdk-nag iterates Statement as a list; a single statement object is read as a list of one.
        let items = statements.listValue ?? [statements]
        guard !items.isEmpty else { return nil }
        var maps: [ValueMap] = []
        for item in items {
            if item.intrinsicValue != nil {
                return .failure(context.resolve(item).unresolved
                    ?? Unresolved("the policy statement is \(item.kindDescription), known only once deployed", at: item.position))
            }
            if let map = item.mapValue { maps.append(map) }
        }
        return .success(maps)
    }
}
