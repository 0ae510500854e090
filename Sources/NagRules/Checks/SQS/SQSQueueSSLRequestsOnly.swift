/// AwsSolutions-SQS4: a queue policy denies every request made to the queue without TLS.
struct SQSQueueSSLRequestsOnly: Check {
    let about = CheckAbout(
        resourceTypes: [SQSQueues.queueType],
        cause: "The SQS queue does not require requests to use TLS.",
        explanation: "Without a policy that refuses plain-HTTP requests, messages can be read or altered in transit by anyone on the network path. A queue policy statement that denies all SQS actions to every principal when aws:SecureTransport is false makes TLS mandatory.",
        fix: "Add an AWS::SQS::QueuePolicy for the queue with a statement: Effect Deny, Principal *, Action sqs:* (or *), Condition {Bool: {aws:SecureTransport: false}}.",
        examples: [
            .compliant("""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
              JobsPolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Jobs]
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: {AWS: "*"}
                        Action: SQS:*
                        Resource: !GetAtt Jobs.Arn
                        Condition:
                          Bool:
                            aws:SecureTransport: "false"
            """),
            .compliant("""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs
              JobsPolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [https://sqs.eu-west-1.amazonaws.com/123456789012/jobs]
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: ["*"]
                        Resource: "*"
                        Condition: {Bool: {aws:SecureTransport: false}}
            """),
            .nonCompliant("""
            Resources:
              ↓Jobs:
                Type: AWS::SQS::Queue
            """),
            .nonCompliant("""
            Parameters:
              Secure:
                Type: String
                Default: "true"
            Resources:
              ↓Jobs:
                Type: AWS::SQS::Queue
              JobsPolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Jobs]
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: sqs:SendMessage
                        Resource: "*"
                        Condition: {Bool: {aws:SecureTransport: !Ref Secure}}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let name = context.resolve(resource, "QueueName").string
        let policies = context.index(PoliciesByTarget<QueuePolicy>.self).policies(naming: resource, name: name)
        let secured = policies.contains {
            SecureTransportPolicies.deniesRequestsWithoutTLS($0, forAnyOf: ["*", "sqs:*"], in: context)
        }
        return secured ? .compliant : .violation(at: resource.position)
    }
}
