/// AwsSolutions-KMS5: a symmetric KMS key rotates its key material automatically.
struct KMSBackingKeyRotationEnabled: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::KMS::Key"],
        cause: "The symmetric KMS key does not have automatic key rotation enabled.",
        explanation: "With rotation on, KMS creates new key material every year and encrypts new data with it, while still decrypting what older material encrypted. That limits how much data any one piece of key material protects. Asymmetric and HMAC keys cannot rotate and are not checked.",
        fix: "Set EnableKeyRotation to true.",
        examples: [
            .compliant("""
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: true
            """),
            .compliant("""
            Resources:
              Signing:
                Type: AWS::KMS::Key
                Properties:
                  KeySpec: ECC_NIST_P256
                  KeyUsage: SIGN_VERIFY
            """),
            .nonCompliant("""
            Resources:
              ↓Key:
                Type: AWS::KMS::Key
                Properties:
                  KeySpec: SYMMETRIC_DEFAULT
            """),
            .nonCompliant("""
            Parameters:
              Rotate:
                Type: String
                Default: "false"
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  ↓EnableKeyRotation: !Ref Rotate
            """),
            .unknown("""
            Parameters:
              Rotate:
                Type: String
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: ↓!Ref Rotate
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let spec = context.resolve(resource, "KeySpec")
        if let why = spec.unresolved { return .unknown(why) }
        guard spec.isAbsent || spec.string == "SYMMETRIC_DEFAULT" else { return .compliant }
        let rotation = context.resolve(resource, "EnableKeyRotation")
        if let why = rotation.unresolved { return .unknown(why) }
        if rotation.isAbsent { return .violation(at: resource.position) }
        return rotation.bool == true ? .compliant : .violation(at: resource.position(ofProperty: "EnableKeyRotation"))
    }
}
