/// `textDocument/codeAction`: for each finding in the requested range, "Suppress RULE here", a quick fix that
/// adds the `cdk_nag` suppression to the resource (``SuppressionEdit``).
struct CodeActionProvider: Sendable {
    let builder: DiagnosticBuilder

    func actions(for params: JSONValue, in analysis: DocumentAnalysis) throws(RPCError) -> JSONValue {
        guard let range = TextRange(params["range"]) else {
            throw .invalidParams("codeAction needs a range {start, end}")
        }
        if let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue),
           !only.contains(where: { "quickfix".hasPrefix($0) }) {
            return []
        }
        guard let template = analysis.template else { return [] }
        let editor = SuppressionEdit(lines: analysis.lines)
        var seen = Set<String>()
        var actions: [JSONValue] = []
        for placed in analysis.findings where placed.range.overlaps(range) {
            let finding = placed.finding
            guard !finding.isSuppressed, builder.severity(of: finding) != nil,
                  seen.insert("\(finding.resource.logicalId)\u{0}\(finding.qualifiedRuleId)\u{0}\(finding.kind)").inserted,
                  let edit = editor.edit(for: finding, in: template) else { continue }
            let title = finding.kind == .unknown
                ? "Suppress \(finding.ruleId) here (undecided, as CdkNagValidationFailure)"
                : "Suppress \(finding.qualifiedRuleId) here"
            var action: [String: JSONValue] = [
                "title": .string(title),
                "kind": "quickfix",
                "edit": ["changes": .object([analysis.uri: [["range": edit.range.json, "newText": .string(edit.text)]]])],
            ]
            if let diagnostic = builder.diagnostic(placed, analysis: analysis) { action["diagnostics"] = [diagnostic] }
            actions.append(.object(action))
        }
        return .array(actions)
    }
}
