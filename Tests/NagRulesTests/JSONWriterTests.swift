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
                writer.key(key)
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
}
