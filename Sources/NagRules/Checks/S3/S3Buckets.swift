/// Lookups shared by the S3 rules: a bucket's identity as cdk-nag matches it, and its policies.
enum S3Buckets {
    static let bucketType = "AWS::S3::Bucket"
    static let policyType = "AWS::S3::BucketPolicy"

    /// The name a bucket declares: the resolved literal, or, when it is built from values known only at
    /// deploy time, its cdk-nag flattened text (`<AppName>-logs-<AWS::Region>`), which identifies it as well.
    static func declaredName(of bucket: Resource, in context: RuleContext) -> String? {
        guard let value = bucket.properties["BucketName"] else { return nil }
        return context.resolve(value).string ?? CdkNagText.flatten(value)
    }

    /// The bucket a policy's `Bucket` property names: a logical id (through Ref or GetAtt), a literal name,
    /// or the flattened text of a name built at deploy time.
    static func target(of policy: Resource, in context: RuleContext) -> String? {
        guard let value = policy.properties["Bucket"] else { return nil }
        let resolved = context.resolve(value)
        return resolved.resourceLink?.logicalId ?? resolved.string ?? CdkNagText.flatten(value)
    }

    /// The bucket policies that apply to `bucket`: those whose `Bucket` links to it, or names it the same way.
    /// (Looked up in a per-template index of policies by target, so a template of n buckets costs O(n), not O(n²).)
    static func policies(for bucket: Resource, in context: RuleContext) -> [Resource] {
        let index = context.index(PolicyIndex.self)
        let name = declaredName(of: bucket, in: context)
        var offsets = index.byTarget[bucket.logicalId] ?? []
        if let name, name != bucket.logicalId, let named = index.byTarget[name] {
            offsets = (offsets + named).sorted()  // a policy has one target, so the two lists are disjoint
        }
        return offsets.map { index.policies[$0] }
    }

    /// The template's bucket policies, in document order, and the offsets of those naming each target.
    struct PolicyIndex: TemplateIndex {
        let policies: [Resource]
        let byTarget: [String: [Int]]

        init(context: RuleContext) {
            policies = context.graph.resources(ofType: S3Buckets.policyType)
            var byTarget: [String: [Int]] = [:]
            for (offset, policy) in policies.enumerated() {
                if let target = S3Buckets.target(of: policy, in: context) { byTarget[target, default: []].append(offset) }
            }
            self.byTarget = byTarget
        }
    }

    /// The statements of a bucket policy, read leniently as the S3 rules always have: a statement, action or
    /// principal that cannot be resolved is skipped and the rest still read. Only a document written as a
    /// map is read; one given as JSON text has no statements here.
    static func statements(of policy: Resource, in context: RuleContext) -> [PolicyStatement] {
        guard let fields = context.resolve(policy, "PolicyDocument").map,
              case .success(let statements) = PolicyDocument(fields, reading: .lenient).statements(in: context)
        else { return [] }
        return statements
    }

    /// Whether `policy` has cdk-nag's TLS-only statement for a bucket: the shared test
    /// (``PolicyStatement/deniesRequestsWithoutTLS(forAnyOf:in:)``) on s3:* or *, whose resources are the
    /// bucket and its objects.
    static func deniesRequestsWithoutTLS(_ policy: Resource, bucketId: String, bucketName: String?, in context: RuleContext) -> Bool {
        statements(of: policy, in: context).contains { statement in
            statement.deniesRequestsWithoutTLS(forAnyOf: ["*", "s3:*"], in: context)
                && coversBucketAndObjects(statement["Resource"], bucketId: bucketId, bucketName: bucketName, in: context)
        }
    }

    /// Whether one of the bucket's policies denies requests to it without TLS.
    static func isTLSOnly(_ bucket: Resource, in context: RuleContext) -> Bool {
        let name = declaredName(of: bucket, in: context)
        return policies(for: bucket, in: context).contains {
            deniesRequestsWithoutTLS($0, bucketId: bucket.logicalId, bucketName: name, in: context)
        }
    }

    /// One resource names the bucket itself (no `/`), another its objects (one `/`, ending in `/*` after the name).
    private static func coversBucketAndObjects(_ resources: Value?, bucketId: String, bucketName: String?, in context: RuleContext) -> Bool {
        guard let items = context.resolve(resources).list else { return false }
        var bucket = false
        var objects = false
        let names = [bucketId] + (bucketName.map { [$0] } ?? [])
        for item in items {
            let text = context.resolve(item).string ?? CdkNagText.flatten(item)
            let slashes = text.filter { $0 == "/" }.count
            if !bucket, slashes == 0, names.contains(where: { CdkNagText.containsName($0, in: text) }) {
                bucket = true
            } else if !objects, slashes == 1, names.contains(where: { name in
                CdkNagText.occurrences(of: name, in: text).contains { text[$0...].contains("/*") }
            }) {
                objects = true
            }
            if bucket && objects { return true }
        }
        return false
    }
}

extension S3Buckets {
    /// Whether a bucket's Block Public Access settings keep it from public access through policies and
    /// through any of the canned ACLs `publicACLs` (`PublicRead`, `PublicReadWrite`), as cdk-nag's public
    /// read and write checks test it: `BlockPublicPolicy` must be true, and a bucket whose `AccessControl` is
    /// one of `publicACLs` must also set `BlockPublicAcls` to true.
    static func blocksPublicAccess(_ bucket: Resource, grantedBy publicACLs: Set<String>,
                                   in context: RuleContext) -> RuleOutcome {
        let block = PropertyLookup.find(bucket, "PublicAccessBlockConfiguration", in: context)
        if block.resolved.isAbsent { return .violation(at: bucket.position, "PublicAccessBlockConfiguration is not set") }
        if let why = block.unresolved { return .unknown(why) }
        let settings = block.resolved.map
        let blockPolicy = Scalar(settings?["BlockPublicPolicy"], in: context)
        if let why = blockPolicy.unresolved { return .unknown(why) }
        if blockPolicy.bool != true {
            return .violation(at: PropertyLookup.position(of: "BlockPublicPolicy", in: settings, else: block.position),
                              "BlockPublicPolicy is not true")
        }
        let blockACLs = Scalar(settings?["BlockPublicAcls"], in: context)
        if blockACLs.bool == true { return .compliant }
        let acl = Scalar(bucket, "AccessControl", in: context)
        if let why = acl.unresolved { return .unknown(why) }
        guard let granted = acl.text, publicACLs.contains(granted) else { return .compliant }
        if let why = blockACLs.unresolved { return .unknown(why) }
        return .violation(at: bucket.position(ofProperty: "AccessControl"),
                          "AccessControl is \(granted) and BlockPublicAcls is not true")
    }
}
