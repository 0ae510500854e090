/// One accepted finding of a baseline file, identified without its line so it survives edits that move it:
/// the rule, the granular finding id, the template (its path without the extension, so converting YAML to JSON
/// keeps it), the resource (construct path when CDK wrote one, else logical id) and what the rule read (the
/// finding's detail, else its message).
public struct BaselineEntry: Sendable, Hashable, Comparable {
    public var rule: String
    public var findingId: String?
    public var template: String
    public var resource: String
    public var read: String

    public init(rule: String, findingId: String?, template: String, resource: String, read: String) {
        self.rule = rule
        self.findingId = findingId
        self.template = template
        self.resource = resource
        self.read = read
    }

    /// The entry a finding of `file` would have.
    public init(_ finding: Finding) {
        self.init(rule: finding.ruleId, findingId: finding.findingId, template: Self.templateKey(finding.location.file),
                  resource: finding.resource.cdkPath ?? finding.resource.logicalId, read: finding.detail ?? finding.message)
    }

    /// The identity the baseline matches on: FNV-1a (64 bit) of every field, as 16 hex digits.
    public var fingerprint: String {
        FNV1a.hex([rule, findingId ?? "", template, resource, read].joined(separator: "\u{0}"))
    }

    /// A template path as the baseline keys it: without a leading `./` and without the extension that names its
    /// syntax (`.json`, `.yaml`, `.yml`, `.template`).
    public static func templateKey(_ path: String) -> String {
        var key = Substring(path)
        while key.hasPrefix("./") { key = key.dropFirst(2) }
        for suffix in [".json", ".yaml", ".yml", ".template"] where key.lowercased().hasSuffix(suffix) {
            return String(key.dropLast(suffix.count))
        }
        return String(key)
    }

    /// Template, resource, rule, finding id, then what was read: the order of the file.
    public static func < (a: BaselineEntry, b: BaselineEntry) -> Bool {
        (a.template, a.resource, a.rule, a.findingId ?? "", a.read) < (b.template, b.resource, b.rule, b.findingId ?? "", b.read)
    }
}
