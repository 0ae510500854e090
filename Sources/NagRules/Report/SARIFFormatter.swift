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
        var seen: [String: Int] = [:]
        let results = report.allFindings.map { finding in
            var fingerprint = Self.fingerprint(finding)
            let occurrence = seen[fingerprint, default: 0]
            seen[fingerprint] = occurrence + 1
            if occurrence > 0 { fingerprint += ":\(occurrence)" }
            return self.result(finding, ruleIndex: ruleIndex[finding.ruleId], fingerprint: fingerprint, in: report)
        }
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
        ]).write(streaming: results, to: &output)
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

    private func result(_ finding: Finding, ruleIndex: Int?, fingerprint: String, in report: RunReport) -> JSONNode {
        var text = finding.message
        if let findingId = finding.findingId { text = "[\(findingId)] " + text }
        if let detail = finding.detail { text += " " + detail }
        var logical: [(String, JSONNode)] = [("name", .string(finding.resource.logicalId))]
        if let path = finding.resource.cdkPath { logical.append(("fullyQualifiedName", .string(path))) }
        logical.append(("kind", "resource"))
        var members: [(String, JSONNode)] = [("ruleId", .string(finding.ruleId))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(level(finding.level))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([
                ("physicalLocation", physicalLocation(finding.location)),
                ("logicalLocations", .array([.object(logical)])),
            ])])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])),
        ]
        if report.baselineApplied && !finding.isSuppressed {
            // SARIF's baseline comparison: a finding the baseline holds is unchanged, any other is new.
            members.append(("baselineState", .string(finding.baselined ? "unchanged" : "new")))
        }
        if let suppression = finding.suppression {
            members.append(("suppressions", .array([.object([
                // A configuration suppression is written outside the analysed file: SARIF's `external`.
                ("kind", .string(suppression.scope == .configuration ? "external" : "inSource")),
                ("justification", .string(suppression.reason)),
                ("location", .object([("physicalLocation", physicalLocation(suppression.location))])),
            ])])))
        }
        var properties: [(String, JSONNode)] = [("kind", .string(finding.kind.rawValue)),
                                                 ("resourceType", .string(finding.resource.type))]
        if let findingId = finding.findingId { properties.append(("findingId", .string(findingId))) }
        if let check = finding.check { properties.append(("check", .string(check))) }
        properties.append(("standing", .string(report.standing(of: finding).rawValue)))
        if let why = report.notFailingReason(of: finding) { properties.append(("notFailingBecause", .string(why))) }
        if let expired = finding.expiredSuppression, let date = expired.expires {
            properties.append(("expiredSuppression", .string("\(expired.location) expired on \(date): \(expired.reason)")))
        }
        if let scenario = finding.scenario { properties.append(("scenario", JSONFormatter.scenario(scenario))) }
        members.append(("properties", .object(properties)))
        return .object(members)
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
        let key = [finding.ruleId, finding.findingId ?? "", finding.resource.logicalId, finding.location.file]
            .joined(separator: "\u{0}")
        return FNV1a.hex(key)
    }
}

/// The 64-bit FNV-1a hash: small, fast and stable across platforms and runs (unlike `Hasher`).
enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ text: String) -> String {
        let digits = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
