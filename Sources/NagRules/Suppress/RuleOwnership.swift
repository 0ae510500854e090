/// Which suppression ids are nag's to judge. The same `cdk_nag` metadata carries acknowledgements of other
/// tools' rules (CDK writes `CloudFormation-Validate::W3010` for cfn-lint's, cdk-nag 3 copies them next to its
/// own): such an id is not "a rule that does not exist" (Nag-SUP3), it is simply not nag's.
///
/// An id is nag's when it is `CdkNagValidationFailure`, or written `Pack-Suffix` the way cdk-nag writes rule ids
/// (`AwsSolutions-IAM5`, `HIPAA.Security-S3BucketSSLRequestsOnly`): the pack one nag knows, one close to it
/// (`awssolutions`), or a name of the same shape (a capital letter, then letters, digits and dots), and a suffix
/// of letters and digits; optionally after a namespace that is CDK's `annotation` prefix or such a pack. Anything
/// else (another tool's namespace, an id of another form such as `W3010` or `CKV_AWS_18`) is another tool's.
struct RuleOwnership: Sendable {
    /// The packs nag knows, by name (built-in and custom).
    let packs: Set<String>
    private let normalizedPacks: [String]

    init(knownRuleIds: Set<String>) {
        packs = Set(knownRuleIds.compactMap { RuleID(parsing: $0)?.pack })
        normalizedPacks = packs.map(Self.normalized).sorted()
    }

    /// Whether nag judges this suppression (matches it, reports it unknown or unused).
    func owns(_ suppression: Suppression) -> Bool {
        if let namespace = suppression.namespace, namespace.lowercased() != "annotation", !ownsPack(namespace) {
            return false
        }
        if suppression.ruleId == Suppression.validationFailureId { return true }
        guard let id = RuleID(parsing: suppression.ruleId),
              id.suffix.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return false }
        return ownsPack(id.pack)
    }

    /// A pack nag knows, a name close enough to one to be a typo of it, or a name shaped as cdk-nag's packs are.
    func ownsPack(_ pack: String) -> Bool {
        if packs.contains(pack) || Self.isPackShaped(pack) { return true }
        let name = Self.normalized(pack)
        guard !name.isEmpty else { return false }
        return normalizedPacks.contains { known in
            known == name || Self.distance(known, name, limit: known.count >= 8 ? 2 : 1) != nil
        }
    }

    /// A capital letter, then letters, digits and dots: `AwsSolutions`, `NIST.800.53.R5`, `MyCompany`.
    static func isPackShaped(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".") }
    }

    /// Letters and digits only, lowercased: `HIPAA.Security` and `hipaa-security` are one name.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }

    /// The edit distance between `a` and `b` when it is at most `limit`, else nil.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            // Every later row is at least this row's smallest entry.
            guard let smallest = current.min(), smallest <= limit else { return nil }
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
