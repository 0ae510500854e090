/// AwsSolutions-MS3: the container policy denies requests made without TLS.
struct MediaStoreContainerSSLRequestsOnly: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::MediaStore::Container"],
        cause: "The MediaStore container policy does not require requests to use TLS.",
        explanation: "Without a statement denying requests made over plain HTTP, media and credentials can be read or changed in transit. The policy needs a Deny statement for every principal on mediastore:* (or *) with the condition Bool aws:SecureTransport false.",
        fix: "Add to Policy a statement: Effect Deny, Principal *, Action mediastore:*, Resource *, Condition {Bool: {aws:SecureTransport: false}}.",
        examples: [
            .compliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"mediastore:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
            """),
            .nonCompliant("""
            Resources:
              ↓Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
            """),
            .nonCompliant("""
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["mediastore:GetObject"],"Resource":"*"}]}'
            """),
            .nonCompliant("""
            Parameters:
              ContainerPolicy:
                Type: String
                Default: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["mediastore:GetObject"],"Resource":"*"}]}'
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  ↓Policy: !Ref ContainerPolicy
            """),
            .unknown("""
            Parameters:
              ContainerPolicy:
                Type: String
            Resources:
              Container:
                Type: AWS::MediaStore::Container
                Properties:
                  ContainerName: media
                  Policy: ↓!Ref ContainerPolicy
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let policy = PropertyLookup.find(resource, "Policy", in: context)
        if let why = policy.unresolved { return .unknown(why) }
        if policy.resolved.isAbsent { return .violation(at: policy.position) }
        guard let text = policy.resolved.string else {
            return .violation(at: policy.position, "the policy is not a JSON string")
        }
        // The text is read as written, as cdk-nag reads the parsed JSON: nothing in it is evaluated, and its
        // Statement must be a list (a single statement map is not read).
        guard case .success(let document?) = PolicyDocument.parse(text, at: policy.position, reading: .asWritten),
              document.fields["Statement"]?.listValue != nil else {
            return .violation(at: policy.position, "the policy is not JSON with a list of statements")
        }
        return document.deniesRequestsWithoutTLS(forAnyOf: ["*", "mediastore:*"], in: context)
            ? .compliant : .violation(at: policy.position)
    }
}
