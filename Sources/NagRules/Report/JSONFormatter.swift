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
        // Findings go straight to text (no JSONNode per finding): the report can hold tens of thousands. Files
        // are written on all cores, a batch at a time, and handed on in order.
        let shared = SharedMembers(rules: report.rules, indent: Self.findingMemberIndent)
        envelope.write(streamingInParallel: report.files, to: &output, itemCount: { $0.evaluation?.findings.count ?? 0 }) {
            file, writer, afterItem in
            guard let evaluation = file.evaluation else { return }
            for finding in evaluation.findings {
                Self.write(finding, in: report, template: evaluation.template, shared: shared, to: &writer)
                afterItem(&writer)
            }
        }
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
    static func write(_ f: Finding, in report: RunReport, template: Template? = nil, shared: SharedMembers? = nil,
                      to writer: inout JSONWriter) {
        let generatedFrom = template?.generatedFrom(of: f.resource.logicalId)
        writer.beginObject()
        write(members: f, generatedFrom: generatedFrom, shared: shared, to: &writer)
        let standing = report.standing(of: f)
        if !writer.append(shared?.failing, when: standing == .failing) {
            writer.member("standing", string: standing.rawValue)
            writer.member("notFailingBecause", optional: report.notFailingReason(of: f))
        }
        writer.endObject()
    }

    /// A finding's members. `generatedFrom` names the Serverless resource the SAM expansion generated the
    /// resource from; the `resource` object has the member only then. `shared` has members ready written; those
    /// the finding has as they were written are copied from there.
    static func write(members f: Finding, generatedFrom: String? = nil, shared: SharedMembers? = nil, to writer: inout JSONWriter) {
        let rule = shared?.rule(f.ruleId)
        if !(rule.map { $0.writeHead(of: f, to: &writer) } ?? false) {
            writer.member("rule", string: f.ruleId)
            writer.member("check", optional: f.check)
            writer.member("controls", strings: f.controls)
        }
        writer.member("findingId", optional: f.findingId)
        writer.member("level", string: f.level.rawValue)
        writer.member("kind", string: f.kind.rawValue)
        if !(rule.map { $0.writeMessage(of: f, to: &writer) } ?? false) {
            writer.member("message", string: f.message)
        }
        if !writer.append(shared?.noDetail, when: f.detail == nil && f.scenario == nil) {
            writer.member("detail", optional: f.detail)
            writer.member("scenario", node: f.scenario.map(scenario))
        }
        writer.key("resource")
        writer.beginObject()
        writer.member("logicalId", string: f.resource.logicalId)
        writer.member("type", string: f.resource.type)
        writer.member("cdkPath", optional: f.resource.cdkPath)
        if let generatedFrom { writer.member("generatedFrom", string: generatedFrom) }
        writer.endObject()
        writer.key("location")
        writer.beginObject()
        writer.member("file", string: f.location.file)
        writer.member("line", int: f.location.line)
        writer.member("column", int: f.location.column)
        writer.endObject()
        if !writer.append(shared?.unsuppressed, when: f.isUnexcused) {
            writer.member("suppression", node: f.suppression.map(suppression))
            writer.member("expiredSuppression", node: f.expiredSuppression.map(suppression))
            writer.member("baselined", bool: f.baselined)
        }
    }
}
