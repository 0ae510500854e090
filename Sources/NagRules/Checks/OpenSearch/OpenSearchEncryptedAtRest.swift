/// AwsSolutions-OS8: domain data is encrypted at rest.
struct OpenSearchEncryptedAtRest: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain does not encrypt its data at rest.",
        explanation: "Encryption at rest protects indices, logs, swap files and automated snapshots with a KMS key, so data on disks or in backups cannot be read without access to that key.",
        fix: "Set EncryptionAtRestOptions.Enabled to true (and optionally KmsKeyId to a customer managed key).",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EncryptionAtRestOptions:
                    Enabled: true
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
                  EncryptionAtRestOptions:
                    ↓Enabled: false
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "false"
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EncryptionAtRestOptions:
                    ↓Enabled: !Ref Encrypt
            """, when: "Encrypt=false"),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  EncryptionAtRestOptions:
                    Enabled: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        PropertyLookup.find(resource, "EncryptionAtRestOptions", "Enabled", in: context).requiringTrue()
    }
}
