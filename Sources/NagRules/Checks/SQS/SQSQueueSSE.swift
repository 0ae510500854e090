/// AwsSolutions-SQS2: a queue keeps server-side encryption on (SQS-managed or KMS).
struct SQSQueueSSE: Check {
    let about = CheckAbout(
        resourceTypes: [SQSQueues.queueType],
        cause: "The SQS queue has server-side encryption turned off.",
        explanation: "Server-side encryption keeps stored messages encrypted, so they stay protected outside the service's access controls. New queues use SQS-managed encryption by default; turning it off without a KMS key stores messages unencrypted.",
        fix: "Remove SqsManagedSseEnabled: false, or set KmsMasterKeyId to a KMS key.",
        examples: [
            .compliant("""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
            """),
            .compliant("""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  SqsManagedSseEnabled: false
                  KmsMasterKeyId: alias/aws/sqs
            """),
            .nonCompliant("""
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  ↓SqsManagedSseEnabled: "false"
            """),
            .unknown("""
            Parameters:
              Sse:
                Type: String
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  SqsManagedSseEnabled: ↓!Ref Sse
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if !context.resolve(resource, "KmsMasterKeyId").isAbsent { return .compliant }
        let managed = context.resolve(resource, "SqsManagedSseEnabled")
        if let why = managed.unresolved { return .unknown(why) }
        return managed.bool == false ? .violation(at: resource.position(ofProperty: "SqsManagedSseEnabled")) : .compliant
    }
}
