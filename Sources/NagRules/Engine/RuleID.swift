/// A rule's id, parsed once: the pack and the suffix the pack gives the check (`AwsSolutions` and `S10`,
/// or `HIPAA.Security` and `S3BucketSSLRequestsOnly`). Written `Pack-Suffix`.
public struct RuleID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let pack: String
    public let suffix: String
    /// `Pack-Suffix`, composed once: every finding of the rule carries it.
    public let description: String

    public init(pack: String, suffix: String) {
        self.pack = pack
        self.suffix = suffix
        self.description = "\(pack)-\(suffix)"
    }

    /// Parses `Pack-Suffix` at its first `-` (pack names have none); nil when there is no `-` or either
    /// part is empty.
    public init?(parsing text: String) {
        guard let dash = text.firstIndex(of: "-"), dash != text.startIndex, text.index(after: dash) != text.endIndex
        else { return nil }
        self.init(pack: String(text[..<dash]), suffix: String(text[text.index(after: dash)...]))
    }

    public static func == (a: RuleID, b: RuleID) -> Bool { a.pack == b.pack && a.suffix == b.suffix }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pack)
        hasher.combine(suffix)
    }

    public static func < (a: RuleID, b: RuleID) -> Bool { (a.pack, a.suffix) < (b.pack, b.suffix) }
}
