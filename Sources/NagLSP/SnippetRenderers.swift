import Foundation

/// Writes a suppression snippet as YAML block lines at a given indentation.
struct YAMLRenderer: Sendable {
    /// One level of indentation.
    let unit: String

    /// `key: value` at `indent`, each line ending in a newline.
    func member(_ key: String, _ value: SuppressionEdit.Snippet, indent: String) -> [String] {
        switch value {
        case .string(let text):
            return [indent + key + ": " + Self.scalar(text) + "\n"]
        case .map(let members):
            return [indent + key + ":\n"] + members.flatMap { member($0.key, $0.value, indent: indent + unit) }
        case .list(let items):
            return [indent + key + ":\n"] + items.flatMap { item($0, lead: indent + unit + "- ", indent: indent + unit + "  ") }
        }
    }

    /// A list item: its first line starts with `lead` (indentation and the dash), the others with `indent`.
    func item(_ value: SuppressionEdit.Snippet, lead: String, indent: String) -> [String] {
        switch value {
        case .string(let text):
            return [lead + Self.scalar(text) + "\n"]
        case .map(let members):
            var lines = members.flatMap { member($0.key, $0.value, indent: indent) }
            if !lines.isEmpty { lines[0] = lead + lines[0].dropFirst(indent.count) }
            return lines
        case .list:
            return [lead + JSONRenderer(unit: nil).value(value, indent: "") + "\n"]
        }
    }

    /// A scalar as plain text when it reads back as the same string, else single-quoted.
    static func scalar(_ text: String) -> String {
        let plain = text.first?.isLetter == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// Writes a suppression snippet as JSON (also YAML flow syntax): one member per line with `unit` as the
/// indentation step, or all on one line when `unit` is nil.
struct JSONRenderer: Sendable {
    let unit: String?

    func value(_ value: SuppressionEdit.Snippet, indent: String) -> String {
        switch value {
        case .string(let text):
            return Self.string(text)
        case .map(let members):
            let inner = indent + (unit ?? "")
            return wrap("{", "}", members.map { Self.string($0.key) + ": " + self.value($0.value, indent: inner) }, indent: indent)
        case .list(let items):
            return wrap("[", "]", items.map { self.value($0, indent: indent + (unit ?? "")) }, indent: indent)
        }
    }

    private func wrap(_ open: String, _ close: String, _ parts: [String], indent: String) -> String {
        guard let unit else { return open + parts.joined(separator: ", ") + close }
        return open + "\n" + parts.map { indent + unit + $0 }.joined(separator: ",\n") + "\n" + indent + close
    }

    static func string(_ text: String) -> String { JSONValue.string(text).rendered() }
}
