import NagRules

/// `textDocument/hover` on a flagged value: for each finding there, the rule's cause, why it matters and how
/// to fix it (what `nag explain` prints), with what this finding adds (its detail, why it is undecided, or the
/// suppression's reason), in Markdown.
struct HoverProvider: Sendable {
    let builder: DiagnosticBuilder

    func hover(at position: TextPosition, in analysis: DocumentAnalysis) -> JSONValue {
        let here = analysis.findings.filter { $0.range.contains(position) && builder.severity(of: $0.finding) != nil }
        guard let first = here.first else { return .null }
        var sections: [String] = []
        var explained = Set<String>()
        for placed in here {
            sections.append(section(placed.finding, rules: analysis.rules, explain: explained.insert(placed.finding.ruleId).inserted))
        }
        let range = here.dropFirst().reduce(first.range) { range, placed in
            TextRange(start: min(range.start, placed.range.start), end: max(range.end, placed.range.end))
        }
        return ["contents": ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))], "range": range.json]
    }

    /// One finding; a rule already explained above is not explained again.
    private func section(_ finding: Finding, rules: [String: RuleDescription], explain: Bool) -> String {
        let rule = rules[finding.ruleId]
        let level = finding.kind == .unknown ? "undecided" : finding.isSuppressed ? "suppressed" : finding.level.rawValue
        var text = "**\(finding.qualifiedRuleId)** (\(level)): \(rule?.cause ?? finding.message)"
        if finding.kind == .unknown { text += "\n\n" + Self.escaped(finding.message) }
        if let detail = finding.detail { text += "\n\n" + Self.escaped(detail) }
        if let suppression = finding.suppression { text += "\n\nSuppressed: " + Self.escaped(suppression.reason) }
        guard explain, let rule else { return text }
        if !rule.explanation.isEmpty { text += "\n\n**Why:** " + rule.explanation }
        if !rule.fix.isEmpty { text += "\n\n**Fix:** " + rule.fix }
        if !rule.controls.isEmpty { text += "\n\nControls: " + rule.controls.joined(separator: ", ") }
        if let link = builder.documentationLink(rule.id, rules: rules) { text += "\n\n[\(rule.id) in the rule list](\(link))" }
        return text
    }

    /// Text from a template (a reason, a value in a detail) shown as text, not as Markdown.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
