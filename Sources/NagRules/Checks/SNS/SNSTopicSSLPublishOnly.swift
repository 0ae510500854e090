/// AwsSolutions-SNS3: a topic without server-side encryption has a policy that denies publishing without TLS.
struct SNSTopicSSLPublishOnly: Check {
    static let topicType = "AWS::SNS::Topic"
    static let policyType = "AWS::SNS::TopicPolicy"

    let about = CheckAbout(
        resourceTypes: [Self.topicType],
        cause: "The SNS topic does not require publishers to use TLS.",
        explanation: "A publisher that sends over plain HTTP exposes the message to anyone on the network path, who can read or change it. A topic policy that denies sns:Publish to every principal when aws:SecureTransport is false forces TLS. A topic encrypted with a KMS key (KmsMasterKeyId) already refuses unencrypted connections and complies.",
        fix: "Set KmsMasterKeyId, or add an AWS::SNS::TopicPolicy for the topic with a statement: Effect Deny, Principal *, Action sns:Publish, Condition {Bool: {aws:SecureTransport: false}}.",
        examples: [
            .compliant("""
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
              AlertsPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [!Ref Alerts]
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: [sns:Subscribe, SNS:Publish]
                        Resource: !Ref Alerts
                        Condition: {Bool: {aws:SecureTransport: "false"}}
            """),
            .compliant("""
            Parameters:
              Key:
                Type: String
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !Ref Key
            """),
            .nonCompliant("""
            Resources:
              ↓Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: alerts
            """),
            // cdk-nag accepts only sns:Publish, not sns:* or *.
            .nonCompliant("""
            Resources:
              ↓Alerts:
                Type: AWS::SNS::Topic
              AlertsPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [!Ref Alerts]
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: sns:*
                        Resource: !Ref Alerts
                        Condition: {Bool: {aws:SecureTransport: false}}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if !context.resolve(resource, "KmsMasterKeyId").isAbsent { return .compliant }
        let name = context.resolve(resource, "TopicName").string
        let policies = context.index(PoliciesByTarget<TopicPolicy>.self).policies(naming: resource, name: name)
        let secured = policies.contains {
            SecureTransportPolicies.deniesRequestsWithoutTLS($0, forAnyOf: ["sns:publish"], in: context)
        }
        return secured ? .compliant : .violation(at: resource.position)
    }
}
