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
    /// How many objects and arrays are open.
    private var depth = 0
    /// Whether the innermost open object or array has a member yet.
    private var hasMember = false
    /// The same for each enclosing one, outermost first (the innermost is ``hasMember``).
    private var enclosingHaveMembers: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// A writer whose outermost value starts at indentation `level` (two spaces a step).
    package init(level: Int = 0) {
        baseLevel = level
    }

    /// A writer for some of the items of an array that another writer at `level` opened: `afterItems` says
    /// whether items come before these, so that the first one here follows a comma. Its text goes out through
    /// that writer with ``append(items:to:)``; writers of the same array can work at the same time.
    /// `capacity` is the room its text starts with, in bytes.
    package init(itemsOfArrayAt level: Int, afterItems: Bool, capacity: Int = 0) {
        baseLevel = level
        depth = 1
        hasMember = afterItems
        out = ReportText(capacity: capacity)
    }

    /// The indentation level of the items of the innermost open array, for ``init(itemsOfArrayAt:afterItems:capacity:)``.
    package var itemLevel: Int { baseLevel + depth - 1 }

    /// Adds the items `other` wrote (``init(itemsOfArrayAt:afterItems:capacity:)``) to this writer's open array:
    /// this writer's text and then `other`'s go straight to `output`, so the items are not copied into this
    /// writer first (the JSON report's findings are tens of megabytes, handed on by one core).
    package mutating func append(items other: JSONWriter, to output: inout some TextOutputStream) {
        guard !other.out.isEmpty, depth > 0 else { return }
        out.flush(to: &output)
        var items = other.out
        items.flush(to: &output)
        hasMember = true
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
        guard depth > 0 else { return }
        if hasMember { out.append(byte: UInt8(ascii: ",")) }
        hasMember = true
        out.appendNewline(indent: baseLevel + depth)
    }

    /// Opens an object or array with `bracket`.
    private mutating func begin(_ bracket: UInt8) {
        startValue()
        out.append(byte: bracket)
        if depth > 0 { enclosingHaveMembers.append(hasMember) }
        depth += 1
        hasMember = false
    }

    package mutating func beginObject() { begin(UInt8(ascii: "{")) }

    package mutating func endObject() { end(UInt8(ascii: "}")) }

    package mutating func beginArray() { begin(UInt8(ascii: "[")) }

    package mutating func endArray() { end(UInt8(ascii: "]")) }

    /// Closes the innermost container: `{}` or `[]` when empty, else on a line of its own.
    private mutating func end(_ bracket: UInt8) {
        precondition(depth > 0, "JSONWriter: closing a container that is not open")
        depth -= 1
        if hasMember { out.appendNewline(indent: baseLevel + depth) }
        out.append(byte: bracket)
        hasMember = depth > 0 ? enclosingHaveMembers.removeLast() : false
    }

    /// An object member's key, a literal that needs no escape; its value is the next thing written. A key
    /// known only when the program runs goes through ``key(named:)``.
    package mutating func key(_ name: StaticString) {
        guard !afterKey && depth > 0 else { return key(named: name.description) }
        out.appendMemberKey(name, comma: hasMember, indent: baseLevel + depth)
        hasMember = true
        afterKey = true
    }

    /// An object member's key, escaped as any JSON string is; its value is the next thing written.
    package mutating func key(named name: String) {
        if afterKey || depth == 0 {
            // Not where a key belongs; written as any other value would be.
            startValue()
            out.appendJSONString(name)
            out.append(byte: UInt8(ascii: ":"))
            out.append(byte: UInt8(ascii: " "))
        } else {
            out.appendMemberKey(name, comma: hasMember, indent: baseLevel + depth)
            hasMember = true
        }
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
        value.write(into: &out, indent: baseLevel + depth)
    }

    /// An array of strings.
    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// `"name": value` in the open object.
    package mutating func member(_ name: StaticString, string value: String) {
        key(name)
        string(value)
    }

    /// `"name": value`, or `"name": null` when absent.
    package mutating func member(_ name: StaticString, optional value: String?) {
        key(name)
        optional(value)
    }

    package mutating func member(_ name: StaticString, int value: Int) {
        key(name)
        int(value)
    }

    package mutating func member(_ name: StaticString, bool value: Bool) {
        key(name)
        bool(value)
    }

    /// `"name": value`, or `"name": null` when there is no value.
    package mutating func member(_ name: StaticString, node value: JSONNode?) {
        key(name)
        if let value { node(value) } else { null() }
    }

    package mutating func member(_ name: StaticString, strings values: [String]) {
        key(name)
        strings(values)
    }

    /// Renders members once, for copying into any object whose members stand at indentation `indent` with
    /// ``append(_:)``: `write` writes them as it would into such an object (the JSON report writes the members
    /// that every finding of a rule shares this way, once per run).
    package static func render(membersAt indent: Int, _ write: (inout JSONWriter) -> Void) -> RenderedMembers {
        var writer = JSONWriter(level: indent - 1)
        // Inside an object that has a member already, so the text starts with the comma that follows it.
        writer.depth = 1
        writer.hasMember = true
        write(&writer)
        return RenderedMembers(text: writer.out.bytes.withBytes { Array($0) }, indent: indent)
    }

    /// Writes `members` into the open object when they were rendered for its indentation and a member (not a
    /// value) comes next; otherwise writes nothing and returns false.
    package mutating func append(_ members: RenderedMembers) -> Bool {
        guard !afterKey, depth > 0, baseLevel + depth == members.indent, members.text.first == UInt8(ascii: ",") else {
            return false
        }
        members.text.withUnsafeBufferPointer { text in
            // The first member of an object has no comma before it.
            out.append(bytes: hasMember ? text : UnsafeBufferPointer(rebasing: text.dropFirst()))
        }
        hasMember = true
        return true
    }
}

/// Object members rendered once by ``JSONWriter/render(membersAt:_:)``: their text (from the comma that
/// precedes the first) and the indentation they were rendered for.
package struct RenderedMembers: Sendable {
    fileprivate let text: [UInt8]
    fileprivate let indent: Int
}
