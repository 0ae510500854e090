/// The machine format, schema version 1 (documented in docs/json-schema.md). Suppressed findings are
/// included with their suppression; fields are never removed within a version.
public struct JSONFormatter: ReportFormatter {
    public static let schemaVersion = 1

    public init() {}

    public func write(_ report: RunReport, to output: inout some TextOutputStream) {
        let summary = report.summary
        let envelope = JSONNode.object([
            ("version", .int(Self.schemaVersion)),
            ("tool", .object([("name", "nag"), ("version", .string(NagVersion.current))])),
            ("summary", .object([
                ("files", .int(summary.files)), ("filesFailed", .int(summary.filesFailed)),
                ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)),
                ("unknown", .int(summary.unknown)), ("suppressed", .int(summary.suppressed)),
            ])),
            ("files", .array(report.files.map(file))),
            ("inputErrors", .array(report.inputProblems.map(diagnostic))),
            ("findings", JSONNode.streamedItems),
        ])
        envelope.write(streaming: report.allFindings.map(Self.finding), to: &output)
        output.write("\n")
    }

    private func file(_ file: RunReport.FileResult) -> JSONNode {
        .object([
            ("file", .string(file.file)),
            ("loaded", .bool(file.loaded)),
            ("diagnostics", .array(file.diagnostics.map(diagnostic))),
        ])
    }

    private func diagnostic(_ d: LoadDiagnostic) -> JSONNode {
        .object([
            ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
            ("location", Self.location(d.location)),
        ])
    }

    static func location(_ l: FileLocation) -> JSONNode {
        .object([("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column))])
    }

    /// `{"when": [{"parameter": "Encrypt", "values": ["false"]}], "assumedDefaults": [...], "text": "when Encrypt=false"}`.
    static func scenario(_ s: Scenario) -> JSONNode {
        func choices(_ list: [Scenario.Choice]) -> JSONNode {
            .array(list.map { .object([("parameter", .string($0.parameter)), ("values", .array($0.values.map(JSONNode.string)))]) })
        }
        return .object([("when", choices(s.choices)), ("assumedDefaults", choices(s.assumedDefaults)), ("text", .string(s.description))])
    }

    static func finding(_ f: Finding) -> JSONNode {
        .object([
            ("rule", .string(f.ruleId)),
            ("check", .optional(f.check)),
            ("controls", .array(f.controls.map(JSONNode.string))),
            ("findingId", .optional(f.findingId)),
            ("level", .string(f.level.rawValue)),
            ("kind", .string(f.kind.rawValue)),
            ("message", .string(f.message)),
            ("detail", .optional(f.detail)),
            ("scenario", f.scenario.map(scenario) ?? .null),
            ("resource", .object([
                ("logicalId", .string(f.resource.logicalId)), ("type", .string(f.resource.type)),
                ("cdkPath", .optional(f.resource.cdkPath)),
            ])),
            ("location", location(f.location)),
            ("suppression", f.suppression.map { s in
                .object([("reason", .string(s.reason)), ("scope", .string(s.scope.rawValue)), ("location", location(s.location))])
            } ?? .null),
        ])
    }
}
