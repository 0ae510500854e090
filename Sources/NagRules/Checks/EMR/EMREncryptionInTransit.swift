/// AwsSolutions-EMR5: the cluster's security configuration encrypts data in transit.
struct EMREncryptionInTransit: Check {
    let about = CheckAbout(
        resourceTypes: [EMRClusters.clusterType],
        cause: "The EMR cluster's security configuration does not encrypt data in transit.",
        explanation: "Applications on the cluster (Hadoop, Spark, Presto, Tez) exchange data between nodes and with clients. With in-transit encryption that traffic is protected by TLS with the certificates the configuration provides. (As cdk-nag does, nag reads EnableInTransitEncryption and InTransitEncryptionConfiguration at the top level of the security configuration document.)",
        fix: "Name an AWS::EMR::SecurityConfiguration (by Ref or by its Name) in SecurityConfiguration whose document sets EnableInTransitEncryption: true and InTransitEncryptionConfiguration.TLSCertificateConfiguration.CertificateProviderType.",
        examples: [
            .compliant("""
            Resources:
              Security:
                Type: AWS::EMR::SecurityConfiguration
                Properties:
                  SecurityConfiguration:
                    EnableInTransitEncryption: true
                    InTransitEncryptionConfiguration:
                      TLSCertificateConfiguration:
                        CertificateProviderType: PEM
                        S3Object: s3://certs/emr.zip
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  SecurityConfiguration: !Ref Security
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  ReleaseLabel: emr-6.15.0
            """),
            .nonCompliant("""
            Resources:
              Security:
                Type: AWS::EMR::SecurityConfiguration
                Properties:
                  Name: emr-security
                  SecurityConfiguration:
                    EnableInTransitEncryption: "true"
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  ↓SecurityConfiguration: emr-security
            """),
            .compliant("""
            Parameters:
              SecurityName:
                Type: String
                Default: emr-security
            Resources:
              Security:
                Type: AWS::EMR::SecurityConfiguration
                Properties:
                  Name: emr-security
                  SecurityConfiguration:
                    EnableInTransitEncryption: true
                    InTransitEncryptionConfiguration:
                      TLSCertificateConfiguration:
                        CertificateProviderType: PEM
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  SecurityConfiguration: !Ref SecurityName
            """),
            .unknown("""
            Parameters:
              SecurityName:
                Type: String
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  SecurityConfiguration: ↓!Ref SecurityName
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        EMRClusters.evaluate(resource, in: context, detail: "no named security configuration enables encryption in transit") { document in
            NamedConfigurations.isTrue(document["EnableInTransitEncryption"], in: context)
                && document["InTransitEncryptionConfiguration"]?["TLSCertificateConfiguration"]?["CertificateProviderType"] != nil
        }
    }
}
