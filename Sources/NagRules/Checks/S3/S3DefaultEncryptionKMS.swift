/// Every default encryption rule of a bucket encrypts new objects with a KMS key (`aws:kms`).
struct S3DefaultEncryptionKMS: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not encrypt objects with a KMS key by default.",
        explanation: "S3 encrypts new objects with S3-managed keys unless told otherwise, which anyone allowed to read the object can decrypt. With a KMS key, reading also needs permission on the key: a second control you audit in CloudTrail, and can revoke or rotate independently of the bucket.",
        fix: "Set BucketEncryption.ServerSideEncryptionConfiguration with ServerSideEncryptionByDefault SSEAlgorithm: aws:kms and a KMSMasterKeyID (BucketKeyEnabled: true lowers the KMS cost).",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
                          KMSMasterKeyID: !GetAtt DataKey.Arn
                        BucketKeyEnabled: true
              DataKey:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy: {}
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          ↓SSEAlgorithm: AES256
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ↓BucketKeyEnabled: true
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ↓ServerSideEncryptionByDefault:
                          KMSMasterKeyID: alias/data
            """),
            .nonCompliant("""
            Parameters:
              Algorithm:
                Type: String
                Default: aws:kms:dsse
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          ↓SSEAlgorithm: !Ref Algorithm
            """),
            .unknown("""
            Parameters:
              Algorithm:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: ↓!Ref Algorithm
            """),
            .compliant("""
            Parameters:
              Algorithm:
                Type: String
                Default: AWS:KMS
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: !Ref Algorithm
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let encryption = PropertyLookup.find(resource, "BucketEncryption", in: context)
        if encryption.resolved.isAbsent { return .violation(at: resource.position, "BucketEncryption is not set") }
        if let why = encryption.unresolved { return .unknown(why) }
        let rules = PropertyLookup.find(resource, "BucketEncryption", "ServerSideEncryptionConfiguration", in: context)
        switch PropertyLookup.items(encryption.resolved.map?["ServerSideEncryptionConfiguration"], in: context) {
        case nil: return .violation(at: rules.position, "ServerSideEncryptionConfiguration is not set")
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?:
            return Verdict.every(items) { item in
                if let why = item.unresolved { return .undecided(why) }
                guard let rule = item.map else { return .fails(at: item.value?.position ?? rules.position, "a rule is not a map") }
                let byDefault = PropertyLookup.Found(resolved: context.resolve(rule["ServerSideEncryptionByDefault"]),
                                                     position: rule.entry("ServerSideEncryptionByDefault")?.keyPosition
                                                         ?? item.value?.position ?? rules.position)
                if byDefault.resolved.isAbsent { return .fails(at: byDefault.position, "a rule has no ServerSideEncryptionByDefault") }
                if let why = byDefault.unresolved { return .undecided(why) }
                let algorithm = Scalar(byDefault.resolved.map?["SSEAlgorithm"], in: context)
                if let why = algorithm.unresolved { return .undecided(why) }
                let at = PropertyLookup.position(of: "SSEAlgorithm", in: byDefault.resolved.map, else: byDefault.position)
                return algorithm.lowercased == "aws:kms" ? .holds : .fails(at: at, "SSEAlgorithm is not aws:kms")
            }.outcome
        }
    }
}
