/// AwsSolutions-OS2: domain nodes encrypt the traffic between them.
struct OpenSearchNodeToNodeEncryption: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain does not encrypt traffic between its nodes.",
        explanation: "Nodes of a domain exchange index data and queries. Without node-to-node encryption that traffic travels in clear text inside the VPC, where anyone able to capture packets can read it.",
        fix: "Set NodeToNodeEncryptionOptions.Enabled to true.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  NodeToNodeEncryptionOptions:
                    Enabled: true
            """),
            .compliant("""
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  NodeToNodeEncryptionOptions:
                    Enabled: "true"
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ElasticsearchVersion: "7.10"
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ↓NodeToNodeEncryptionOptions: {}
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "false"
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  NodeToNodeEncryptionOptions:
                    ↓Enabled: !Ref Encrypt
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  NodeToNodeEncryptionOptions:
                    Enabled: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "NodeToNodeEncryptionOptions", "Enabled", in: context).requiringTrue()
    }
}
