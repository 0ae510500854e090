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
    /// What has been written (callers may take it and ``clear()`` to write in pieces).
    package private(set) var text = ""
    /// The indentation level of the outermost value.
    private let baseLevel: Int
    /// One entry per open object or array, innermost last: whether it has a member yet.
    private var filled: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// A writer whose outermost value starts at indentation `level` (two spaces a step).
    package init(level: Int = 0) {
        baseLevel = level
        text.reserveCapacity(1 << 12)
    }

    /// Drops the text written so far, keeping its storage; open containers stay open.
    package mutating func clear() {
        text.removeAll(keepingCapacity: true)
    }

    /// The separator and line break before a member of the innermost container (nothing after a key).
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = filled.indices.last else { return }
        if filled[last] { text += "," }
        filled[last] = true
        JSONNode.newline(&text, baseLevel + filled.count)
    }

    package mutating func beginObject() {
        startValue()
        text += "{"
        filled.append(false)
    }

    package mutating func endObject() { end("}") }

    package mutating func beginArray() {
        startValue()
        text += "["
        filled.append(false)
    }

    package mutating func endArray() { end("]") }

    /// Closes the innermost container: `{}` or `[]` when empty, else on a line of its own.
    private mutating func end(_ bracket: String) {
        if filled.removeLast() { JSONNode.newline(&text, baseLevel + filled.count) }
        text += bracket
    }

    /// An object member's key; its value is the next thing written.
    package mutating func key(_ name: String) {
        startValue()
        JSONNode.writeString(name, into: &text)
        text += ": "
        afterKey = true
    }

    package mutating func string(_ value: String) {
        startValue()
        JSONNode.writeString(value, into: &text)
    }

    /// A string, or null when absent.
    package mutating func optional(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    package mutating func int(_ value: Int) {
        startValue()
        text += String(value)
    }

    package mutating func bool(_ value: Bool) {
        startValue()
        text += value ? "true" : "false"
    }

    package mutating func null() {
        startValue()
        text += "null"
    }

    /// A whole node, indented for where it stands.
    package mutating func node(_ value: JSONNode) {
        startValue()
        value.write(into: &text, indent: baseLevel + filled.count)
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
