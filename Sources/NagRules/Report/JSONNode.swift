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
        var out = ReportText()
        write(into: &out, indent: pretty ? 0 : nil)
        return out.string
    }

    /// Stands, in an envelope given to ``write(streaming:to:)``, for the array whose items are streamed.
    /// (Computed, not stored: a stored global of this indirect enum is reported as a leak by LeakSanitizer.)
    package static var streamedItems: JSONNode { .string("\u{1}nag:streamed-items\u{1}") }

    /// Writes this document, pretty-printed, with the one ``streamedItems`` value in it replaced by an array of
    /// `items`, each rendered and written as it comes: the output is the same text as rendering the whole
    /// document, without ever holding the array or its text.
    package func write(streaming items: some Sequence<JSONNode>, to output: inout some TextOutputStream) {
        write(streaming: items, to: &output) { item, writer, _ in writer.node(item) }
    }

    /// Writes this document with the ``streamedItems`` value replaced by an array whose items `writeItems` writes
    /// straight into JSON text (no ``JSONNode`` made for them), any number for each of `groups` (a report's
    /// files, say). The text goes out in pieces of about 32 KiB, so the array is never held whole.
    /// `writeItems` also gets the output, to hand the text on as it grows (``JSONWriter/flushIfFull(to:)``) within
    /// a group of many items.
    package func write<Groups: Sequence, Output: TextOutputStream>(
        streaming groups: Groups, to output: inout Output,
        writingItems writeItems: (Groups.Element, inout JSONWriter, inout Output) -> Void
    ) {
        let envelope = rendered()
        let marker = Self.streamedItems.rendered()
        // The marker is ASCII, so its first byte match is its first match (a search by characters took as long
        // as writing every finding of a large report).
        let bytes = envelope.utf8
        let byteRange = bytes.firstByteOffset(of: marker).map { offset -> Range<String.Index> in
            let start = bytes.index(bytes.startIndex, offsetBy: offset)
            return start..<bytes.index(start, offsetBy: marker.utf8.count)
        }
        guard let range = byteRange ?? envelope.firstRange(of: marker) else {
            output.write(envelope)
            return
        }
        let prefix = envelope[..<range.lowerBound]
        let lineStart = prefix.lastIndex(of: "\n").map { prefix.index(after: $0) } ?? prefix.startIndex
        output.write(String(prefix))
        var writer = JSONWriter(level: prefix[lineStart...].prefix { $0 == " " }.count / 2)
        writer.beginArray()
        for group in groups {
            writeItems(group, &writer, &output)
            writer.flushIfFull(to: &output)
        }
        writer.endArray()
        writer.flush(to: &output)
        output.write(String(envelope[range.upperBound...]))
    }

    /// As ``write(streaming:to:writingItems:)``, but the items of a batch of groups are written on all cores
    /// and handed on in order. A group with more than `largeGroup` items is written as it goes, on one core,
    /// so its text is never held whole.
    package func write<Group: Sendable, Output: TextOutputStream>(
        streamingInParallel groups: [Group], to output: inout Output, itemCount: (Group) -> Int, largeGroup: Int = 2_000,
        writingItems writeItems: @Sendable (Group, inout JSONWriter, _ afterItem: (inout JSONWriter) -> Void) -> Void
    ) {
        let batchSize = 256
        var start = 0
        var afterItems = false
        write(streaming: [()], to: &output) { _, writer, output in
            let level = writer.itemLevel
            while start < groups.count {
                let batch = Array(groups[start..<min(start + batchSize, groups.count)])
                var precededBy: [Bool] = []
                for group in batch {
                    precededBy.append(afterItems)
                    if itemCount(group) > 0 { afterItems = true }
                }
                let preceded = precededBy
                let counts = batch.map(itemCount)
                let texts = concurrentMap(Array(batch.indices)) { index -> JSONWriter? in
                    guard counts[index] <= largeGroup else { return nil }
                    // About a kilobyte an item (a finding in the JSON report), so the text seldom grows.
                    var items = JSONWriter(itemsOfArrayAt: level, afterItems: preceded[index], capacity: counts[index] << 10)
                    writeItems(batch[index], &items) { _ in }
                    return items
                }
                for (index, text) in texts.enumerated() {
                    if let text {
                        writer.append(items: text, to: &output)
                    } else {
                        writeItems(batch[index], &writer) { $0.flushIfFull(to: &output) }
                    }
                    writer.flushIfFull(to: &output)
                }
                start += batch.count
            }
        }
    }

    func write(into out: inout ReportText, indent: Int?) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n)
        case .string(let s): out.appendJSONString(s)
        case .array(let items):
            guard !items.isEmpty else { return out.append("[]") }
            out.append(byte: UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                if let indent { out.appendNewline(indent: indent + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out.appendNewline(indent: indent) }
            out.append(byte: UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return out.append("{}") }
            out.append(byte: UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(byte: UInt8(ascii: ",")) }
                if let indent { out.appendNewline(indent: indent + 1) }
                out.appendJSONString(key)
                out.append(indent == nil ? ":" : ": ")
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out.appendNewline(indent: indent) }
            out.append(byte: UInt8(ascii: "}"))
        }
    }

    /// `s` as a JSON string literal, appended to `out`.
    static func writeString(_ s: String, into out: inout String) {
        var text = ReportText()
        text.appendJSONString(s)
        out += text.string
    }
}
