/// AwsSolutions-OS4: the domain runs dedicated master nodes.
struct OpenSearchDedicatedMasterNode: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain does not use dedicated master nodes.",
        explanation: "Dedicated master nodes manage the cluster state apart from the data nodes. Without them, heavy indexing or search load on the data nodes can stall cluster management and make the domain unstable.",
        fix: "Set ClusterConfig.DedicatedMasterEnabled (ElasticsearchClusterConfig for AWS::Elasticsearch::Domain) to true, with DedicatedMasterType and DedicatedMasterCount.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ClusterConfig:
                    DedicatedMasterEnabled: true
                    DedicatedMasterCount: 3
            """),
            .compliant("""
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ElasticsearchClusterConfig:
                    DedicatedMasterEnabled: "true"
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::OpenSearchService::Domain
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ↓ElasticsearchClusterConfig:
                    InstanceCount: 2
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ClusterConfig:
                    DedicatedMasterEnabled: true
            """),
            .nonCompliant("""
            Parameters:
              Masters:
                Type: String
                Default: "false"
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ClusterConfig:
                    ↓DedicatedMasterEnabled: !Ref Masters
            """),
            .unknown("""
            Parameters:
              Masters:
                Type: String
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ClusterConfig:
                    DedicatedMasterEnabled: ↓!Ref Masters
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, OpenSearchDomains.clusterConfigKey(of: resource), "DedicatedMasterEnabled", in: context)
            .requiringTrue()
    }
}
