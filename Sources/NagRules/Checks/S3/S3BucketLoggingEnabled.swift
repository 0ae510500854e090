/// AwsSolutions-S1: buckets record server access logs, unless they are themselves a log destination.
struct S3BucketLoggingEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [S3Buckets.bucketType],
        cause: "The S3 bucket does not record server access logs.",
        explanation: "Server access logs record each request made to a bucket: who asked, for what, and when. Without them, an access incident cannot be investigated. A bucket that is itself the destination of another bucket's access logs is exempt.",
        fix: "Set LoggingConfiguration.DestinationBucketName to a logging bucket (and optionally LogFilePrefix).",
        examples: [
            .compliant("""
            Resources:
              Logs:
                Type: AWS::S3::Bucket
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    DestinationBucketName: !Ref Logs
                    LogFilePrefix: data/
            """),
            .compliant("""
            Parameters:
              LogBucket:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    DestinationBucketName: !Ref LogBucket
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-data"
            """),
            .nonCompliant("""
            Resources:
              ↓Data:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration: {}
            """),
            // A name that resolves to the empty string names no bucket: not a log destination.
            .nonCompliant("""
            Parameters:
              Name:
                Type: String
                Default: ""
            Resources:
              ↓Named:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Ref Name
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let logging = context.resolve(resource, "LoggingConfiguration")
        if case .unknown(let why) = logging { return .unknown(why) }
        if let map = logging.map, map["DestinationBucketName"] != nil || map["LogFilePrefix"] != nil {
            return .compliant
        }
        if isLogDestination(resource, in: context) { return .compliant }
        return .violation(at: resource.position)
    }

    /// Whether any bucket (this one included) sends its access logs to `bucket`.
    private func isLogDestination(_ bucket: Resource, in context: RuleContext) -> Bool {
        let destinations = context.index(LogDestinations.self)
        if destinations.links.contains(bucket.logicalId) || destinations.namesWritten(bucket.logicalId) { return true }
        // An empty name names no bucket; it would otherwise match the empty destination of every bucket without one.
        guard let name = S3Buckets.declaredName(of: bucket, in: context), !name.isEmpty else { return false }
        return destinations.flattened.contains(name) || destinations.strings.contains(name)
    }
}

/// What every bucket's `LoggingConfiguration.DestinationBucketName` says, indexed once per template so that
/// `isLogDestination` is a few lookups rather than a scan of every bucket per bucket (O(n²) on large stacks).
private struct LogDestinations: TemplateIndex {
    /// Logical ids the destinations link to (Ref, GetAtt).
    var links: Set<String> = []
    /// Resolved literal destination names.
    var strings: Set<String> = []
    /// cdk-nag's flattened text of each destination ("" for a bucket without one).
    var flattened: Set<String> = []
    /// Every suffix of every maximal run of word characters (`[\w]`) in an ASCII flattened text: a name made of
    /// word characters occurs in such a text not followed by `[\w]` exactly when it is one of these.
    private var wordSuffixes: Set<Substring> = []
    /// Flattened texts the suffix index does not cover (non-ASCII, or a very long run), searched directly.
    private var unindexed: [String] = []

    init(context: RuleContext) {
        for other in context.graph.resources(ofType: S3Buckets.bucketType) {
            let destination = context.resolver.resolve(other.properties["LoggingConfiguration"], at: "DestinationBucketName")
            if let link = destination.resourceLink?.logicalId { links.insert(link) }
            if let string = destination.string { strings.insert(string) }
            flattened.insert(CdkNagText.flatten(other.properties["LoggingConfiguration"]?["DestinationBucketName"]))
        }
        for text in flattened where !text.isEmpty {
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { unindexed.append(text); continue }
            let bytes = Array(text.utf8)
            var runs: [Range<Int>] = []
            var start: Int?
            for (i, byte) in bytes.enumerated() {
                if Self.isWord(byte) { if start == nil { start = i } } else if let s = start { runs.append(s..<i); start = nil }
            }
            if let s = start { runs.append(s..<bytes.count) }
            if runs.contains(where: { $0.count > 256 }) { unindexed.append(text); continue }
            for run in runs {
                let word = String(decoding: bytes[run], as: UTF8.self)
                var index = word.startIndex
                while index < word.endIndex {
                    wordSuffixes.insert(word[index...])
                    index = word.index(after: index)
                }
            }
        }
    }

    /// `CdkNagText.containsName(name, in: text, allowingHyphen: true)` for any of the flattened texts.
    func namesWritten(_ name: String) -> Bool {
        if !name.isEmpty, name.utf8.allSatisfy(Self.isWord) {
            return wordSuffixes.contains(name[...])
                || unindexed.contains { CdkNagText.containsName(name, in: $0, allowingHyphen: true) }
        }
        return flattened.contains { CdkNagText.containsName(name, in: $0, allowingHyphen: true) }
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
}
