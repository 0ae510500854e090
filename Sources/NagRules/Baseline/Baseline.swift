/// A set of accepted findings (`nag baseline create`): a run given one (`--baseline`) fails only on findings
/// that are not in it, and lists the entries that no longer occur.
///
/// The file is JSON, one entry per line of text, sorted, so it diffs well in review:
///
/// ```json
/// {
///   "version": 1,
///   "entries": [
///     {"template":"infra/app","resource":"Bucket","rule":"AwsSolutions-S1","read":"…","fingerprint":"…"}
///   ]
/// }
/// ```
public struct Baseline: Sendable, Equatable {
    public static let formatVersion = 1

    /// The entries, sorted and without duplicates.
    public private(set) var entries: [BaselineEntry]

    public init(entries: [BaselineEntry]) {
        self.entries = Array(Set(entries)).sorted()
    }

    /// The open findings of a run (not suppressed): what `nag baseline create` records.
    public init(report: RunReport) {
        self.init(entries: report.allFindings.filter { !$0.isSuppressed }.map(BaselineEntry.init))
    }

    /// The report with every open finding the baseline holds marked ``Finding/baselined``, and the entries of
    /// the run's templates that matched nothing in ``RunReport/staleBaselineEntries``.
    public func apply(to report: RunReport) -> RunReport {
        let accepted = Set(entries.map(\.fingerprint))
        var matched = Set<String>()
        var result = report
        result.baselineApplied = true
        for fileIndex in result.files.indices {
            guard var evaluation = result.files[fileIndex].evaluation else { continue }
            for index in evaluation.findings.indices where !evaluation.findings[index].isSuppressed {
                let fingerprint = BaselineEntry(evaluation.findings[index]).fingerprint
                if accepted.contains(fingerprint) {
                    evaluation.findings[index].baselined = true
                    matched.insert(fingerprint)
                }
            }
            result.files[fileIndex].evaluation = evaluation
        }
        let checked = Set(report.files.filter(\.loaded).map { BaselineEntry.templateKey($0.file) })
        result.staleBaselineEntries = entries.filter { checked.contains($0.template) && !matched.contains($0.fingerprint) }
        return result
    }

    /// The file's text: sorted entries, one per line, keys in a fixed order, ending with a newline.
    public var text: String {
        var lines = ["{", "  \"version\": \(Self.formatVersion),", "  \"entries\": ["]
        for (index, entry) in entries.enumerated() {
            // Keys in sort order, so the lines read sorted too.
            var fields: [(String, JSONNode)] = [("template", .string(entry.template)), ("resource", .string(entry.resource)),
                                                ("rule", .string(entry.rule))]
            if let findingId = entry.findingId { fields.append(("findingId", .string(findingId))) }
            fields += [("read", .string(entry.read)), ("fingerprint", .string(entry.fingerprint))]
            let line = JSONNode.object(fields).rendered(pretty: false)
            lines.append("    " + line + (index == entries.count - 1 ? "" : ","))
        }
        lines += ["  ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
