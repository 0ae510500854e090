/// AwsSolutions-MSK2: clients talk to the brokers over TLS only.
struct MSKClientToBrokerTLS: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MSK::Cluster"],
        cause: "The MSK cluster allows clients to connect to its brokers without TLS.",
        explanation: "With ClientBroker set to PLAINTEXT or TLS_PLAINTEXT, producers and consumers may send and read records unencrypted over the network. TLS only keeps that traffic confidential.",
        fix: "Set EncryptionInfo.EncryptionInTransit.ClientBroker to TLS (or leave it unset: TLS is the default).",
        examples: [
            .compliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      ClientBroker: TLS
            """),
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
            .nonCompliant("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      ↓ClientBroker: TLS_PLAINTEXT
            """),
            .nonCompliant("""
            Parameters:
              Transport:
                Type: String
                Default: PLAINTEXT
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      ↓ClientBroker: !Ref Transport
            """),
            .unknown("""
            Parameters:
              Transport:
                Type: String
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  ClusterName: events
                  EncryptionInfo:
                    EncryptionInTransit:
                      ClientBroker: ↓!Ref Transport
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let setting = PropertyLookup.find(resource, "EncryptionInfo", "EncryptionInTransit", "ClientBroker", in: context)
        if let why = setting.unresolved { return .unknown(why) }
        guard let value = setting.resolved.string else { return .compliant }
        return value == "TLS" ? .compliant : .violation(at: setting.position, "ClientBroker is \(value)")
    }
}
