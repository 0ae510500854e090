/// AwsSolutions-MSK3: brokers encrypt the traffic between them.
struct MSKBrokerToBrokerTLS: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MSK::Cluster"],
        cause: "The MSK cluster does not encrypt traffic between its brokers.",
        explanation: "Brokers replicate every partition among themselves. With InCluster set to false that replication traffic, which carries all the records, crosses the network unencrypted.",
        fix: "Set EncryptionInfo.EncryptionInTransit.InCluster to true (or leave it unset: true is the default).",
        examples: [
            .compliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      InCluster: true
            """),
            .compliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  BrokerNodeGroupInfo:
                    InstanceType: kafka.m5.large
            """),
            .nonCompliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      ↓InCluster: false
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "false"
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      ↓InCluster: !Ref Encrypt
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      InCluster: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let setting = PropertyLookup.find(resource, "EncryptionInfo", "EncryptionInTransit", "InCluster", in: context)
        if let why = setting.unresolved { return .unknown(why) }
        return setting.resolved.bool == false ? .violation(at: setting.position) : .compliant
    }
}
