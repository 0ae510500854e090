import NagRules

/// LSP's diagnostic severities.
enum DiagnosticSeverity: Int {
    case error = 1, warning, information, hint
}

/// Turns an analysis into the diagnostics the editor shows.
///
/// A finding is an error when it would fail `nag` (its level at or above `failOn`), else a warning; an unknown
/// is information, with the reason; a suppressed finding a hint with the suppression's reason (unless
/// `showSuppressed` is off). The code is the rule id, linked to the rule's pack in the rule documentation. The
/// message is the cause (or why the rule could not decide), the detail, and the resource with its construct path.
struct DiagnosticBuilder: Sendable {
    let settings: ServerSettings

    func diagnostics(for analysis: DocumentAnalysis) -> [JSONValue] {
        var diagnostics: [JSONValue] = analysis.problems.map { problem in
            var diagnostic: [String: JSONValue] = [
                "range": analysis.lines.range(of: problem.location.position).json,
                "severity": .int((problem.severity == .error ? DiagnosticSeverity.error : .warning).rawValue),
                "source": "nag",
                "message": .string(problem.message),
            ]
            let related: [JSONValue] = problem.related.map { location in
                ["location": ["uri": .string(relatedURI(location.file, analysis: analysis)),
                              "range": rangeIn(location, analysis: analysis).json],
                 "message": "the other place"]
            }
            if !related.isEmpty { diagnostic["relatedInformation"] = .array(related) }
            return .object(diagnostic)
        }
        for placed in analysis.findings {
            if let diagnostic = diagnostic(placed, analysis: analysis) { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }

    /// The severity a finding is shown with; nil when it is not shown.
    func severity(of finding: Finding) -> DiagnosticSeverity? {
        if finding.isSuppressed { return settings.showSuppressed ? .hint : nil }
        if finding.kind == .unknown { return .information }
        guard let failOn = settings.failOn else { return .warning }
        return finding.level >= failOn ? .error : .warning
    }

    func diagnostic(_ placed: PlacedFinding, analysis: DocumentAnalysis) -> JSONValue? {
        let finding = placed.finding
        guard let severity = severity(of: finding) else { return nil }
        var diagnostic: [String: JSONValue] = [
            "range": placed.range.json,
            "severity": .int(severity.rawValue),
            "code": .string(finding.ruleId),
            "source": "nag",
            "message": .string(Self.message(finding)),
            "data": .object(["ruleId": .string(finding.ruleId), "findingId": finding.findingId.map(JSONValue.string) ?? .null,
                             "kind": .string(finding.kind.rawValue)]),
        ]
        if let href = documentationLink(finding.ruleId, rules: analysis.rules) {
            diagnostic["codeDescription"] = ["href": .string(href)]
        }
        if let suppression = finding.suppression {
            diagnostic["relatedInformation"] = [[
                "location": ["uri": .string(relatedURI(suppression.location.file, analysis: analysis)),
                             "range": rangeIn(suppression.location, analysis: analysis).json],
                "message": .string("suppressed here: \(suppression.reason)"),
            ]]
        }
        return .object(diagnostic)
    }

    /// The message: what is wrong, the detail, the resource and its construct path.
    static func message(_ finding: Finding) -> String {
        var lines: [String] = []
        if let suppression = finding.suppression { lines.append("Suppressed: \(suppression.reason)") }
        lines.append(finding.message + (finding.findingId.map { " [\($0)]" } ?? ""))
        if let detail = finding.detail { lines.append(detail) }
        var resource = "\(finding.resource.logicalId) (\(finding.resource.type))"
        if let path = finding.resource.cdkPath { resource += " at \(path)" }
        lines.append(resource)
        return lines.joined(separator: "\n")
    }

    /// The rule's pack section of the rule documentation; nil for custom rules, which have none there.
    func documentationLink(_ ruleId: String, rules: [String: RuleDescription]) -> String? {
        guard let pack = rules[ruleId]?.pack ?? RuleID(parsing: ruleId)?.pack,
              BuiltInPacks.all.contains(where: { $0.name == pack }) else { return nil }
        return settings.rulesDocumentation + "#" + Self.anchor(pack)
    }

    /// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    private func relatedURI(_ file: String, analysis: DocumentAnalysis) -> String {
        file == DocumentURI.path(of: analysis.uri) ? analysis.uri : DocumentURI.uri(ofPath: file)
    }

    private func rangeIn(_ location: FileLocation, analysis: DocumentAnalysis) -> TextRange {
        if location.file == DocumentURI.path(of: analysis.uri) { return analysis.lines.range(of: location.position) }
        let start = TextPosition(line: max(0, location.line - 1), character: max(0, location.column - 1))
        return TextRange(start: start, end: start)
    }
}
