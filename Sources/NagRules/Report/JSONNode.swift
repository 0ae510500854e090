/// A JSON document to write: the reports and `nag graph --format json` build one and render it.
///
/// Object keys keep the order they are given in, so output is stable and diff-friendly.
package indirect enum JSONNode: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .number(String(value)) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONNode...) { self = .array(elements) }

    package static func int(_ value: Int) -> JSONNode { .number(String(value)) }

    /// A string, or null when absent.
    package static func optional(_ value: String?) -> JSONNode { value.map(JSONNode.string) ?? .null }

    package static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The JSON text; `pretty` indents by two spaces.
    package func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// Stands, in an envelope given to ``write(streaming:to:)``, for the array whose items are streamed.
    /// (Computed, not stored: a stored global of this indirect enum is reported as a leak by LeakSanitizer.)
    package static var streamedItems: JSONNode { .string("\u{1}nag:streamed-items\u{1}") }

    /// Writes this document, pretty-printed, with the one ``streamedItems`` value in it replaced by an array of
    /// `items`, each rendered and written as it comes: the output is the same text as rendering the whole
    /// document, without ever holding the array or its text.
    package func write(streaming items: some Sequence<JSONNode>, to output: inout some TextOutputStream) {
        write(streaming: items, to: &output) { item, writer in writer.node(item) }
    }

    /// Writes this document with the ``streamedItems`` value replaced by an array whose items `writeItems` writes
    /// straight into JSON text (no ``JSONNode`` made for them), any number for each of `groups` (a report's
    /// files, say). The text goes out in pieces of about 32 KiB, so the array is never held whole.
    package func write<Groups: Sequence>(streaming groups: Groups, to output: inout some TextOutputStream,
                                         writingItems writeItems: (Groups.Element, inout JSONWriter) -> Void) {
        let envelope = rendered()
        let marker = Self.streamedItems.rendered()
        guard let range = envelope.firstRange(of: marker) else {
            output.write(envelope)
            return
        }
        let prefix = envelope[..<range.lowerBound]
        let lineStart = prefix.lastIndex(of: "\n").map { prefix.index(after: $0) } ?? prefix.startIndex
        output.write(String(prefix))
        var writer = JSONWriter(level: prefix[lineStart...].prefix { $0 == " " }.count / 2)
        writer.beginArray()
        for group in groups {
            writeItems(group, &writer)
            if writer.text.utf8.count >= 1 << 15 {
                output.write(writer.text)
                writer.clear()
            }
        }
        writer.endArray()
        output.write(writer.text)
        output.write(String(envelope[range.upperBound...]))
    }

    func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out += "}"
        }
    }

    static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += indent < newlines.count ? newlines[indent] : "\n" + String(repeating: "  ", count: indent)
    }

    /// A newline and the indentation of each level, made once.
    private static let newlines: [String] = (0..<32).map { "\n" + String(repeating: "  ", count: $0) }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole (escapes are ASCII, and no byte of a multi-byte
        // UTF-8 sequence is below 0x80, so a byte scan decides exactly).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
