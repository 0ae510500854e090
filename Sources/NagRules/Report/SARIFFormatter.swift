/// SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read.
///
/// - `tool.driver.rules` describes every rule of the run (cause, explanation, fix as help, default level);
///   results point at them by `ruleId` and `ruleIndex`.
/// - Locations are the paths as given, relative to `%SRCROOT%` (absolute paths become `file://` URIs),
///   with the line and column (counted in Unicode code points) of the finding; the resource's logical id
///   (and CDK construct path) is the logical location.
/// - Suppressed findings stay in the log with an `inSource` suppression carrying the reason.
/// - `partialFingerprints["nag/v1"]` hashes the rule, finding id, resource and file but not the line, so
///   code scanning keeps tracking a finding when edits move it.
/// - Load errors are `toolExecutionNotifications`; the invocation is unsuccessful when there is one.
public struct SARIFFormatter: ReportFormatter {
    public static let schemaUri = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of the stable fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "nag/v1"

    /// Where people learn about the tool (SARIF `tool.driver.informationUri`), when there is such a page;
    /// omitted by default (each rule carries its own help text).
    public var informationUri: String?

    public init(informationUri: String? = nil) {
        self.informationUri = informationUri
    }

    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in report.rules.enumerated() where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = index
        }
        // Occurrences so far of each fingerprint (keyed by its hash, which the fingerprint spells in hex).
        var seen: [UInt64: Int] = [:]
        var uris = URICache()
        let notifications = report.diagnostics.map(notification)
        let successful = !report.diagnostics.contains { $0.severity == .error }
        let run: JSONNode = .object([
            ("tool", .object([("driver", .object([
                ("name", "nag"),
                ("version", .string(NagVersion.current)),
                ("semanticVersion", .string(NagVersion.current)),
            ] + (informationUri.map { [("informationUri", JSONNode.string($0))] } ?? []) + [
                ("rules", .array(report.rules.map(rule))),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(successful)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("columnKind", "unicodeCodePoints"),
            ("results", JSONNode.streamedItems),
        ])
        JSONNode.object([
            ("$schema", .string(Self.schemaUri)),
            ("version", "2.1.0"),
            ("runs", .array([run])),
        ]).write(streaming: report.files, to: &output) { file, writer, output in
            for finding in file.evaluation?.findings ?? [] {
                let hash = Self.fingerprintHash(finding)
                let occurrence = seen[hash, default: 0]
                seen[hash] = occurrence + 1
                var fingerprint = FNV1a.hex(hash)
                if occurrence > 0 { fingerprint += ":\(occurrence)" }
                write(finding, ruleIndex: ruleIndex[finding.ruleId], fingerprint: fingerprint, in: report, uris: &uris, to: &writer)
                writer.flushIfFull(to: &output)
            }
        }
        output.write("\n")
    }

    private func rule(_ rule: RuleDescription) -> JSONNode {
        .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.cause))])),
            ("fullDescription", .object([("text", .string(rule.explanation))])),
            ("help", .object([
                ("text", .string(rule.fix)),
                ("markdown", .string("**\(rule.id)**: \(rule.cause)\n\n\(rule.explanation)\n\n**Fix:** \(rule.fix)")),
            ])),
            ("defaultConfiguration", .object([("level", .string(level(rule.level)))])),
            ("properties", .object([
                ("pack", .string(rule.pack)),
                ("check", .optional(rule.check)),
                ("controls", .array(rule.controls.map(JSONNode.string))),
                ("resourceTypes", .array(rule.resourceTypes.sorted().map(JSONNode.string))),
            ])),
        ])
    }

    /// One result, written straight into the JSON text (no ``JSONNode`` per finding: a report can hold tens of
    /// thousands).
    private func write(_ finding: Finding, ruleIndex: Int?, fingerprint: String, in report: RunReport, uris: inout URICache,
                       to writer: inout JSONWriter) {
        var text = finding.message
        if let findingId = finding.findingId { text = "[\(findingId)] " + text }
        if let detail = finding.detail { text += " " + detail }
        writer.beginObject()
        writer.member("ruleId", string: finding.ruleId)
        if let ruleIndex { writer.member("ruleIndex", int: ruleIndex) }
        writer.member("level", string: level(finding.level))
        writer.key("message")
        writer.beginObject()
        writer.member("text", string: text)
        writer.endObject()
        writer.key("locations")
        writer.beginArray()
        writer.beginObject()
        writer.key("physicalLocation")
        writePhysicalLocation(finding.location, uris: &uris, to: &writer)
        writer.key("logicalLocations")
        writer.beginArray()
        writer.beginObject()
        writer.member("name", string: finding.resource.logicalId)
        if let path = finding.resource.cdkPath { writer.member("fullyQualifiedName", string: path) }
        writer.member("kind", string: "resource")
        writer.endObject()
        writer.endArray()
        writer.endObject()
        writer.endArray()
        writer.key("partialFingerprints")
        writer.beginObject()
        writer.key(named: Self.fingerprintKey)
        writer.string(fingerprint)
        writer.endObject()
        if report.baselineApplied && !finding.isSuppressed {
            // SARIF's baseline comparison: a finding the baseline holds is unchanged, any other is new.
            writer.member("baselineState", string: finding.baselined ? "unchanged" : "new")
        }
        if let suppression = finding.suppression {
            writer.key("suppressions")
            writer.beginArray()
            writer.beginObject()
            // A configuration suppression is written outside the analysed file: SARIF's `external`.
            writer.member("kind", string: suppression.scope == .configuration ? "external" : "inSource")
            writer.member("justification", string: suppression.reason)
            writer.key("location")
            writer.beginObject()
            writer.key("physicalLocation")
            writePhysicalLocation(suppression.location, uris: &uris, to: &writer)
            writer.endObject()
            writer.endObject()
            writer.endArray()
        }
        writer.key("properties")
        writer.beginObject()
        writer.member("kind", string: finding.kind.rawValue)
        writer.member("resourceType", string: finding.resource.type)
        if let findingId = finding.findingId { writer.member("findingId", string: findingId) }
        if let check = finding.check { writer.member("check", string: check) }
        writer.member("standing", string: report.standing(of: finding).rawValue)
        if let why = report.notFailingReason(of: finding) { writer.member("notFailingBecause", string: why) }
        if let expired = finding.expiredSuppression, let date = expired.expires {
            writer.member("expiredSuppression", string: "\(expired.location) expired on \(date): \(expired.reason)")
        }
        if let scenario = finding.scenario { writer.member("scenario", node: JSONFormatter.scenario(scenario)) }
        writer.endObject()
        writer.endObject()
    }

    /// The URI of the last file written, as findings of one file come together.
    private struct URICache {
        var file: String?
        var cached: (uri: String, isAbsolute: Bool) = ("", false)

        mutating func artifact(of path: String) -> (uri: String, isAbsolute: Bool) {
            if path != file {
                file = path
                cached = path.hasPrefix("/") ? ("file://" + SARIFFormatter.uriPath(path), true) : (SARIFFormatter.uriPath(path), false)
            }
            return cached
        }
    }

    /// ``physicalLocation(_:)``, written straight into the JSON text.
    private func writePhysicalLocation(_ location: FileLocation, uris: inout URICache, to writer: inout JSONWriter) {
        let artifact = uris.artifact(of: location.file)
        writer.beginObject()
        writer.key("artifactLocation")
        writer.beginObject()
        writer.member("uri", string: artifact.uri)
        if !artifact.isAbsolute { writer.member("uriBaseId", string: "%SRCROOT%") }
        writer.endObject()
        writer.key("region")
        writer.beginObject()
        writer.member("startLine", int: max(location.line, 1))
        writer.member("startColumn", int: max(location.column, 1))
        writer.endObject()
        writer.endObject()
    }

    private func notification(_ diagnostic: LoadDiagnostic) -> JSONNode {
        .object([
            ("level", .string(diagnostic.severity == .error ? "error" : "warning")),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(diagnostic.location))])])),
        ])
    }

    private func physicalLocation(_ location: FileLocation) -> JSONNode {
        let artifact: [(String, JSONNode)]
        if location.file.hasPrefix("/") {
            artifact = [("uri", .string("file://" + Self.uriPath(location.file)))]
        } else {
            artifact = [("uri", .string(Self.uriPath(location.file))), ("uriBaseId", "%SRCROOT%")]
        }
        return .object([
            ("artifactLocation", .object(artifact)),
            ("region", .object([
                ("startLine", .int(max(location.line, 1))),
                ("startColumn", .int(max(location.column, 1))),
            ])),
        ])
    }

    private func level(_ level: RuleLevel) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        }
    }

    /// The path as a URI reference: `/` kept, every byte outside RFC 3986's unreserved set percent-encoded.
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// A line-independent identity of a finding: FNV-1a (64 bit) of rule id, finding id, logical id and file.
    public static func fingerprint(_ finding: Finding) -> String {
        FNV1a.hex(fingerprintHash(finding))
    }

    /// The hash ``fingerprint(_:)`` spells: of the four texts joined by NUL, hashed piece by piece.
    static func fingerprintHash(_ finding: Finding) -> UInt64 {
        var hash = FNV1a.hash(finding.ruleId)
        hash = FNV1a.hash("\u{0}", continuing: hash)
        hash = FNV1a.hash(finding.findingId ?? "", continuing: hash)
        hash = FNV1a.hash("\u{0}", continuing: hash)
        hash = FNV1a.hash(finding.resource.logicalId, continuing: hash)
        hash = FNV1a.hash("\u{0}", continuing: hash)
        return FNV1a.hash(finding.location.file, continuing: hash)
    }
}

/// The 64-bit FNV-1a hash: small, fast and stable across platforms and runs (unlike `Hasher`).
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    static func hash(_ text: String, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        var hash = hash
        var text = text
        text.withUTF8 { utf8 in
            for byte in utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    static func hex(_ text: String) -> String {
        hex(hash(text))
    }

    /// The hash as 16 lower-case hex digits.
    static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
