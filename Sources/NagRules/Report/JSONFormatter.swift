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
                ("baselined", .int(summary.baselined)),
            ])),
            ("staleBaselineEntries", .array(report.staleBaselineEntries.map(Self.baselineEntry))),
            ("files", .array(report.files.map(file))),
            ("inputErrors", .array(report.inputProblems.map(diagnostic))),
            ("findings", JSONNode.streamedItems),
        ])
        envelope.write(streaming: report.files.lazy.flatMap { file in
            (file.evaluation?.findings ?? []).lazy.map { Self.finding($0, in: report, template: file.evaluation?.template) }
        }, to: &output)
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

    static func baselineEntry(_ entry: BaselineEntry) -> JSONNode {
        .object([("fingerprint", .string(entry.fingerprint)), ("rule", .string(entry.rule)), ("findingId", .optional(entry.findingId)),
                 ("template", .string(entry.template)), ("resource", .string(entry.resource)), ("read", .string(entry.read))])
    }

    static func suppression(_ s: AppliedSuppression) -> JSONNode {
        .object([("reason", .string(s.reason)), ("scope", .string(s.scope.rawValue)), ("location", location(s.location)),
                 ("expires", .optional(s.expires?.description))])
    }

    /// A finding, with where it stands against the run's fail level (`standing`, and `notFailingBecause` in words).
    static func finding(_ f: Finding, in report: RunReport, template: Template? = nil) -> JSONNode {
        let generatedFrom = template?.resource(named: f.resource.logicalId)?.generatedFrom
        guard case .object(var members) = finding(f, generatedFrom: generatedFrom) else { return finding(f) }
        members += [
            ("standing", .string(report.standing(of: f).rawValue)),
            ("notFailingBecause", .optional(report.notFailingReason(of: f))),
        ]
        return .object(members)
    }

    /// `generatedFrom` names the Serverless resource the SAM expansion generated the resource from; the
    /// `resource` object has the member only then.
    static func finding(_ f: Finding, generatedFrom: String? = nil) -> JSONNode {
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
            ] + (generatedFrom.map { [("generatedFrom", JSONNode.string($0))] } ?? []))),
            ("location", location(f.location)),
            ("suppression", f.suppression.map(suppression) ?? .null),
            ("expiredSuppression", f.expiredSuppression.map(suppression) ?? .null),
            ("baselined", .bool(f.baselined)),
        ])
    }
}
