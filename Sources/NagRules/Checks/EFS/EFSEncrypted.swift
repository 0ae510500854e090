/// AwsSolutions-EFS1: EFS file systems are not explicitly left unencrypted.
struct EFSEncrypted: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::EFS::FileSystem"],
        cause: "The EFS file system is not encrypted at rest.",
        explanation: "Encryption at rest protects the files, their metadata and backups if the underlying storage is exposed. It can only be chosen when the file system is created. (As in cdk-nag, only an explicit Encrypted: false is reported.)",
        fix: "Set Encrypted: true (and optionally KmsKeyId) when creating the file system.",
        examples: [
            .compliant("""
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: true
            """),
            .nonCompliant("""
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  ↓Encrypted: false
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "false"
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  ↓Encrypted: !Ref Encrypt
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let encrypted = Scalar(resource, "Encrypted", in: context)
        if let why = encrypted.unresolved { return .unknown(why) }
        return encrypted.bool == false ? .violation(at: resource.position(ofProperty: "Encrypted")) : .compliant
    }
}
