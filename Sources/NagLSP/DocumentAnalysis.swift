import NagRules

/// A finding with the range of its document it points at.
struct PlacedFinding: Sendable {
    var finding: Finding
    var range: TextRange
}

/// What nag found in one open document, kept until its next analysis: diagnostics are made from it, and hover
/// and code actions read it.
struct DocumentAnalysis: Sendable {
    let uri: String
    let version: Int?
    let lines: LineTable
    /// The template, when the document is one and loaded.
    let template: Template?
    /// Every finding located in this document, suppressed ones included, in report order.
    let findings: [PlacedFinding]
    /// Load errors and shape problems located in this document.
    let problems: [LoadDiagnostic]
    /// The rules of the run, by id.
    let rules: [String: RuleDescription]
}

/// Runs the linter over the open documents together, so a template nested by an open parent is evaluated
/// with the values that parent passes, and splits the report by document. Documents the project gives
/// different parameter values are run apart, one run per set of values.
struct Analyzer: Sendable {
    let settings: ServerSettings
    let customPacks: [RulePack]
    /// The workspace folder, which the project's template globs are relative to.
    let root: String?

    /// What the runs found, by file.
    private struct Collected {
        var findings: [String: [Finding]] = [:]
        var problems: [String: [LoadDiagnostic]] = [:]
        var templates: [String: Template] = [:]
        var rules: [String: RuleDescription] = [:]
    }

    /// One analysis per document. A document that is not a template, or that fails to parse and does not look
    /// like one (a workflow file half written), gets an empty analysis: no diagnostics, no error.
    func analyze(_ documents: [TextDocument]) throws(RuleSelection.SelectionError) -> [String: DocumentAnalysis] {
        var groups: [(values: [String: String], documents: [TextDocument])] = []
        for document in documents {
            let values = settings.parameterValues(for: DocumentURI.path(of: document.uri), root: root)
            if let index = groups.firstIndex(where: { $0.values == values }) {
                groups[index].documents.append(document)
            } else {
                groups.append((values, [document]))
            }
        }
        var collected = Collected()
        for group in groups {
            try run(group.documents, linter: settings.linter(customPacks: customPacks, parameterValues: group.values), into: &collected)
        }
        var analyses: [String: DocumentAnalysis] = [:]
        for document in documents {
            let path = DocumentURI.path(of: document.uri)
            let lines = LineTable(document.bytes)
            let template = collected.templates[path]
            var located = collected.problems[path, default: []].filter { $0.location.file == path }
            if template == nil, !Self.looksLikeTemplate(document.bytes) { located = [] }
            let placed = Self.unique(collected.findings[path, default: []]).filter { $0.location.file == path }.map { finding in
                PlacedFinding(finding: finding, range: lines.range(of: finding.location.position))
            }
            analyses[document.uri] = DocumentAnalysis(uri: document.uri, version: document.version, lines: lines, template: template,
                                                      findings: placed, problems: located, rules: collected.rules)
        }
        return analyses
    }

    private func run(_ documents: [TextDocument], linter: Linter, into collected: inout Collected) throws(RuleSelection.SelectionError) {
        var paths = Set<String>()
        var sources: [TemplateSource] = []
        for document in documents {
            let path = DocumentURI.path(of: document.uri)
            guard paths.insert(path).inserted else { continue }
            sources.append(.openDocument(document.bytes, path: path))
        }
        let report = try linter.run(sources)
        for file in report.files where paths.contains(file.file) {
            if let evaluation = file.evaluation, collected.templates[file.file] == nil { collected.templates[file.file] = evaluation.template }
            collected.findings[file.file, default: []] += file.evaluation?.findings ?? []
            collected.problems[file.file, default: []] += file.diagnostics
        }
        for rule in report.rules where collected.rules[rule.id] == nil { collected.rules[rule.id] = rule }
    }

    /// A template nested by two open parents is evaluated once per parent; the same finding is shown once.
    static func unique(_ findings: [Finding]) -> [Finding] {
        var seen = Set<Finding>()
        return findings.filter { seen.insert($0).inserted }
    }

    /// Whether text that did not load as a template still reads like one: it names a template section.
    static func looksLikeTemplate(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        return ["Resources", "AWSTemplateFormatVersion"].contains { text.contains($0) }
    }
}
