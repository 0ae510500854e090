/// AwsSolutions-OS7: the domain spreads its nodes over availability zones.
struct OpenSearchZoneAwareness: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain does not enable zone awareness.",
        explanation: "With zone awareness, the domain places nodes and index replicas in two or three availability zones, so losing one zone does not lose data or stop the domain.",
        fix: "Set ClusterConfig.ZoneAwarenessEnabled (ElasticsearchClusterConfig for AWS::Elasticsearch::Domain) to true, with ZoneAwarenessConfig.AvailabilityZoneCount.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ClusterConfig:
                    ZoneAwarenessEnabled: true
                    ZoneAwarenessConfig:
                      AvailabilityZoneCount: 2
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::Elasticsearch::Domain
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ElasticsearchClusterConfig:
                    ↓ZoneAwarenessEnabled: false
            """),
            .nonCompliant("""
            Parameters:
              Zones:
                Type: String
                Default: "false"
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ClusterConfig:
                    ↓ZoneAwarenessEnabled: !Ref Zones
            """),
            .unknown("""
            Parameters:
              Zones:
                Type: String
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ClusterConfig:
                    ZoneAwarenessEnabled: ↓!Ref Zones
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, OpenSearchDomains.clusterConfigKey(of: resource), "ZoneAwarenessEnabled", in: context)
            .requiringTrue()
    }
}
