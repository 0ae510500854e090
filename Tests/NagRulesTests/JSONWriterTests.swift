@testable import NagRules
import Testing

/// The streaming writer prints exactly what rendering the same ``JSONNode`` prints, at any indentation.
struct JSONWriterTests {
    /// Writes `node` through the writer's calls, as a formatter would.
    static func write(_ node: JSONNode, to writer: inout JSONWriter) {
        switch node {
        case .object(let members):
            writer.beginObject()
            for (key, value) in members {
                writer.key(named: key)
                write(value, to: &writer)
            }
            writer.endObject()
        case .array(let items):
            writer.beginArray()
            for item in items { write(item, to: &writer) }
            writer.endArray()
        case .string(let text): writer.string(text)
        case .number(let text): writer.int(Int(text) ?? 0)
        case .bool(let value): writer.bool(value)
        case .null: writer.null()
        }
    }

    static let documents: [JSONNode] = [
        .object([]),
        .array([]),
        .object([("a", 1), ("b", .array(["x", .null, true])), ("c", .object([])), ("d", .array([]))]),
        .array([.object([("quote \" key", "tab\there")]), .array([.array([])]), 7]),
    ]

    @Test(arguments: 0..<4)
    func writesWhatRenderingPrints(index: Int) {
        let document = Self.documents[index]
        var writer = JSONWriter()
        Self.write(document, to: &writer)
        #expect(writer.text == document.rendered())
        var members = JSONWriter()
        members.beginObject()
        members.member("n", node: document)
        members.member("none", node: nil)
        members.member("s", optional: nil)
        members.member("list", strings: ["a", "b"])
        members.endObject()
        let expected: JSONNode = .object([("n", document), ("none", .null), ("s", .null), ("list", ["a", "b"])])
        #expect(members.text == expected.rendered())
    }

    @Test func clearKeepsContainersOpen() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.int(1)
        let first = writer.text
        writer.clear()
        writer.int(2)
        writer.endArray()
        #expect(first + writer.text == JSONNode.array([1, 2]).rendered())
    }

    /// Keys written in the program and keys known only at run time (escaped) come out alike, at any depth and
    /// after any number of members, and a writer for part of an array continues the array's items.
    @Test func programKeysAndRunTimeKeysWriteTheSameText() {
        var literal = JSONWriter(level: 2)
        var named = JSONWriter(level: 2)
        literal.beginObject()
        named.beginObject()
        literal.key("outer")
        named.key(named: "outer")
        literal.beginObject()
        named.beginObject()
        literal.member("a", int: 1)
        named.key(named: "a")
        named.int(1)
        literal.member("b", bool: true)
        named.key(named: "b")
        named.bool(true)
        literal.endObject()
        named.endObject()
        literal.key("quote")
        named.key(named: "quote")
        literal.string("x")
        named.string("x")
        named.key(named: "tab\there \"q\"")
        named.null()
        literal.endObject()
        named.endObject()
        let expected: JSONNode = .object([("outer", .object([("a", 1), ("b", true)])), ("quote", "x")])
        var reference = ReportText()
        expected.write(into: &reference, indent: 2)
        #expect(literal.text == reference.string)
        #expect(named.text.hasPrefix(String(literal.text.dropLast("\n    }".count))))
        #expect(named.text.hasSuffix(",\n      \"tab\\there \\\"q\\\"\": null\n    }"))

        var whole = JSONWriter()
        whole.beginArray()
        whole.int(1)
        var rest = JSONWriter(itemsOfArrayAt: whole.itemLevel, afterItems: true, capacity: 4)
        rest.beginObject()
        rest.member("k", string: "v")
        rest.endObject()
        var output = ""
        whole.append(items: rest, to: &output)
        #expect(whole.text.isEmpty)
        whole.endArray()
        #expect(output + whole.text == JSONNode.array([1, .object([("k", "v")])]).rendered())
        #expect(whole.text == "\n]")
    }
}
