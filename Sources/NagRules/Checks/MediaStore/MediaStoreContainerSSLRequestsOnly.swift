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
        let parsed = Array(text.utf8).withUnsafeBytes { try? JSONParser.parse($0) }
        guard let statements = parsed?["Statement"]?.listValue else {
            return .violation(at: policy.position, "the policy is not JSON with a list of statements")
        }
        return statements.contains(where: deniesInsecureTransport) ? .compliant : .violation(at: policy.position)
    }

    /// cdk-nag's test, applied to a statement parsed from the policy text (no intrinsics inside).
    private func deniesInsecureTransport(_ statement: Value) -> Bool {
        guard statement["Effect"]?.stringValue == "Deny" else { return false }
        let actions = statement["Action"].map { $0.listValue ?? [$0] } ?? []
        guard actions.contains(where: { $0.stringValue == "*" || $0.stringValue?.lowercased() == "mediastore:*" }) else { return false }
        let principal = statement["Principal"]
        let everyone = principal?.stringValue == "*"
            || (principal?["AWS"].map { $0.listValue ?? [$0] } ?? []).contains { $0.stringValue == "*" }
        guard everyone else { return false }
        let secure = statement["Condition"]?["Bool"]?["aws:SecureTransport"]
        return secure?.stringValue == "false" || secure?.boolValue == false
    }
}
