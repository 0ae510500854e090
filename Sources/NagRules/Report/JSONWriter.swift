/// Writes JSON text as it goes, pretty-printed exactly as ``JSONNode/rendered(pretty:)`` prints the same
/// document, without building a ``JSONNode`` tree first: the JSON report writes tens of thousands of findings
/// this way.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.member("rule", string: "AwsSolutions-S1")
/// writer.member("line", int: 12)
/// writer.endObject()
/// // writer.text == "{\n  \"rule\": \"AwsSolutions-S1\",\n  \"line\": 12\n}"
/// ```
package struct JSONWriter {
    /// What has been written, as UTF-8 (callers may hand it on with ``flush(to:)`` to write in pieces).
    private var out = ReportText()
    /// The indentation level of the outermost value.
    private let baseLevel: Int
    /// One entry per open object or array, innermost last: whether it has a member yet.
    private var filled: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// A writer whose outermost value starts at indentation `level` (two spaces a step).
    package init(level: Int = 0) {
        baseLevel = level
    }

    /// A writer for some of the items of an array that another writer at `level` opened: `afterItems` says
    /// whether items come before these, so that the first one here follows a comma. Its text goes into that
    /// writer with ``append(items:)``; writers of the same array can work at the same time.
    package init(itemsOfArrayAt level: Int, afterItems: Bool) {
        baseLevel = level
        filled = [afterItems]
        out = ReportText(capacity: 0)
    }

    /// The indentation level of the items of the innermost open array, for ``init(itemsOfArrayAt:afterItems:)``.
    package var itemLevel: Int { baseLevel + filled.count - 1 }

    /// Appends the items `other` wrote (``init(itemsOfArrayAt:afterItems:)``) into this writer's open array.
    package mutating func append(items other: JSONWriter) {
        guard !other.out.isEmpty, let last = filled.indices.last else { return }
        out.append(other.out)
        filled[last] = true
    }

    /// What has been written since the last ``clear()`` or ``flush(to:)``.
    package var text: String { out.string }

    /// The size in bytes of what has been written since the last ``clear()`` or ``flush(to:)``.
    package var byteCount: Int { out.bytes.count }

    /// Drops the text written so far, keeping its storage; open containers stay open.
    package mutating func clear() {
        out.clear()
    }

    /// Hands the text written so far to `output` and drops it; open containers stay open.
    package mutating func flush(to output: inout some TextOutputStream) {
        out.flush(to: &output)
    }

    /// ``flush(to:)`` once the text has grown to about 32 KiB.
    package mutating func flushIfFull(to output: inout some TextOutputStream) {
        out.flushIfFull(to: &output)
    }

    /// The separator and line break before a member of the innermost container (nothing after a key).
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = filled.indices.last else { return }
        if filled[last] { out.append(byte: UInt8(ascii: ",")) }
        filled[last] = true
        out.appendNewline(indent: baseLevel + filled.count)
    }

    package mutating func beginObject() {
        startValue()
        out.append(byte: UInt8(ascii: "{"))
        filled.append(false)
    }

    package mutating func endObject() { end(UInt8(ascii: "}")) }

    package mutating func beginArray() {
        startValue()
        out.append(byte: UInt8(ascii: "["))
        filled.append(false)
    }

    package mutating func endArray() { end(UInt8(ascii: "]")) }

    /// Closes the innermost container: `{}` or `[]` when empty, else on a line of its own.
    private mutating func end(_ bracket: UInt8) {
        if filled.removeLast() { out.appendNewline(indent: baseLevel + filled.count) }
        out.append(byte: bracket)
    }

    /// An object member's key; its value is the next thing written.
    package mutating func key(_ name: String) {
        startValue()
        out.appendJSONString(name)
        out.append(byte: UInt8(ascii: ":"))
        out.append(byte: UInt8(ascii: " "))
        afterKey = true
    }

    package mutating func string(_ value: String) {
        startValue()
        out.appendJSONString(value)
    }

    /// A string, or null when absent.
    package mutating func optional(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    package mutating func int(_ value: Int) {
        startValue()
        out.append(value)
    }

    package mutating func bool(_ value: Bool) {
        startValue()
        out.append(value ? "true" : "false")
    }

    package mutating func null() {
        startValue()
        out.append("null")
    }

    /// A whole node, indented for where it stands.
    package mutating func node(_ value: JSONNode) {
        startValue()
        value.write(into: &out, indent: baseLevel + filled.count)
    }

    /// An array of strings.
    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// `"name": value` in the open object.
    package mutating func member(_ name: String, string value: String) {
        key(name)
        string(value)
    }

    /// `"name": value`, or `"name": null` when absent.
    package mutating func member(_ name: String, optional value: String?) {
        key(name)
        optional(value)
    }

    package mutating func member(_ name: String, int value: Int) {
        key(name)
        int(value)
    }

    package mutating func member(_ name: String, bool value: Bool) {
        key(name)
        bool(value)
    }

    /// `"name": value`, or `"name": null` when there is no value.
    package mutating func member(_ name: String, node value: JSONNode?) {
        key(name)
        if let value { node(value) } else { null() }
    }

    package mutating func member(_ name: String, strings values: [String]) {
        key(name)
        strings(values)
    }
}
