/// AwsSolutions-EMR4: the cluster's security configuration encrypts local disks.
struct EMRLocalDiskEncryption: Check {
    let about = CheckAbout(
        resourceTypes: [EMRClusters.clusterType],
        cause: "The EMR cluster's security configuration does not encrypt local disks.",
        explanation: "Cluster nodes spill intermediate data, shuffle files and HDFS blocks to their instance store and EBS volumes. Local disk encryption protects that data if a volume or snapshot is exposed. (As cdk-nag does, nag reads EnableAtRestEncryption and AtRestEncryptionConfiguration at the top level of the security configuration document.)",
        fix: "Name an AWS::EMR::SecurityConfiguration (by Ref or by its Name) in SecurityConfiguration whose document sets EnableAtRestEncryption: true and AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EncryptionKeyProviderType.",
        examples: [
            .compliant("""
            Resources:
              Security:
                Type: AWS::EMR::SecurityConfiguration
                Properties:
                  SecurityConfiguration:
                    EnableAtRestEncryption: true
                    AtRestEncryptionConfiguration:
                      LocalDiskEncryptionConfiguration:
                        EncryptionKeyProviderType: AwsKms
                        AwsKmsKey: alias/emr
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
                    EnableAtRestEncryption: false
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
                    EnableAtRestEncryption: true
                    AtRestEncryptionConfiguration:
                      LocalDiskEncryptionConfiguration:
                        EncryptionKeyProviderType: AwsKms
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
        EMRClusters.evaluate(resource, in: context, detail: "no named security configuration enables local disk encryption") { document in
            NamedConfigurations.isTrue(document["EnableAtRestEncryption"], in: context)
                && document["AtRestEncryptionConfiguration"]?["LocalDiskEncryptionConfiguration"]?["EncryptionKeyProviderType"] != nil
        }
    }
}
