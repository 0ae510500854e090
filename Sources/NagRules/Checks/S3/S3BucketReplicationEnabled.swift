/// A bucket replicates its objects: its replication configuration has a rule that is enabled.
struct S3BucketReplicationEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not replicate its objects.",
        explanation: "Replication copies new objects to another bucket, in another region or account if need be. The copy survives the loss of a region, the deletion of the bucket or a compromised account, and keeps data close to where it is read.",
        fix: "Add ReplicationConfiguration with a Role and at least one rule whose Status is Enabled and whose Destination names the target bucket (versioning must be enabled on both buckets).",
        examples: [
            .compliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: {Status: Enabled}
                  ReplicationConfiguration:
                    Role: arn:aws:iam::123456789012:role/replication
                    Rules:
                      - Status: Disabled
                        Destination: {Bucket: arn:aws:s3:::old-copy}
                      - Status: Enabled
                        Destination: {Bucket: arn:aws:s3:::data-copy}
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
                  ReplicationConfiguration:
                    Role: arn:aws:iam::123456789012:role/replication
                    ↓Rules:
                      - Status: Disabled
                        Destination: {Bucket: arn:aws:s3:::data-copy}
            """),
            .nonCompliant("""
            Parameters:
              Replicate:
                Type: String
                Default: Disabled
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ReplicationConfiguration:
                    Role: arn:aws:iam::123456789012:role/replication
                    ↓Rules:
                      - Status: !Ref Replicate
                        Destination: {Bucket: arn:aws:s3:::data-copy}
            """),
            .unknown("""
            Parameters:
              Replicate:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ReplicationConfiguration:
                    Role: arn:aws:iam::123456789012:role/replication
                    Rules:
                      - Status: ↓!Ref Replicate
                        Destination: {Bucket: !Sub "arn:${AWS::Partition}:s3:::data-copy"}
            """),
            .compliant("""
            Parameters:
              Copy:
                Type: String
                Default: "yes"
            Conditions:
              Copying: !Equals [!Ref Copy, "yes"]
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ReplicationConfiguration: !If
                    - Copying
                    - Role: !GetAtt ReplicationRole.Arn
                      Rules: [{Status: Enabled, Destination: {Bucket: arn:aws:s3:::data-copy}}]
                    - !Ref AWS::NoValue
              ReplicationRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let configuration = PropertyLookup.find(resource, "ReplicationConfiguration", in: context)
        if configuration.resolved.isAbsent { return .violation(at: resource.position, "ReplicationConfiguration is not set") }
        if let why = configuration.unresolved { return .unknown(why) }
        let rules = PropertyLookup.find(resource, "ReplicationConfiguration", "Rules", in: context)
        let noneEnabled = Verdict.fails(at: rules.position, "no replication rule is enabled")
        switch PropertyLookup.items(configuration.resolved.map?["Rules"], in: context) {
        case nil: return noneEnabled.outcome
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?:
            return Verdict.someMap(in: items, otherwise: noneEnabled) { rule in
                let status = Scalar(rule["Status"], in: context)
                if let why = status.unresolved { return .undecided(why) }
                return .from(status.text == "Enabled")
            }.outcome
        }
    }
}
