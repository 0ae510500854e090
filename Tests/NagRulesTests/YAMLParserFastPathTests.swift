import Testing
@testable import NagRules

/// The YAML loader finds where a tagged node's content starts by counting characters from the start of the
/// file, eight ASCII bytes at a time. These tests put multi-byte characters at every offset before a tag.
@Suite struct YAMLParserFastPathTests {
    private func parse(_ text: String) throws -> Value {
        try Array(text.utf8).withUnsafeBytes { try YAMLParser.parse($0, limits: .default) }
    }

    @Test(arguments: ["é", "😀", "日本"])
    func tagPositionsAfterMultiByteText(character: String) throws {
        let rest = "\nb: !Ref Bucket\nc: !GetAtt\n  - R\n  - Arn\nd: &x !Sub\n  '${A}'\n"
        func positions(_ root: Value) -> [Position?] {
            [root["b"]?.position, root["b"]?.intrinsicValue?.argument.position,
             root["c"]?.intrinsicValue?.argument.position, root["d"]?.intrinsicValue?.argument.position]
        }
        // Later lines' columns do not depend on the first line: an ASCII first line gives the expected ones.
        let expected = positions(try parse("a: x" + rest))
        #expect(expected[1] == Position(line: 2, column: 9))
        for before in 0..<20 {
            for after in [0, 3, 9] {
                let text = String(repeating: "a", count: before) + character + String(repeating: "b", count: after)
                let root = try parse("a: \(text)" + rest)
                #expect(positions(root) == expected)
                #expect(root["a"]?.stringValue == text)
            }
        }
    }

    @Test func lateTaggedNodesInALongFileKeepTheirColumns() throws {
        let lines = (0..<200).map { "k\($0): \(String(repeating: "é", count: $0 % 7))x" }
        let root = try parse(lines.joined(separator: "\n") + "\nlast: !Sub  \"${A}\"\n")
        #expect(root["last"]?.intrinsicValue?.argument.position == Position(line: 201, column: 13))
    }

    @Test func containersCollectTheirOwnChildren() throws {
        let root = try parse("""
            a:
              - 1
              - b: [2, 3]
                c: {}
              - []
            d: {e: [[4], [5, 6]]}
            """)
        try JSONParserFastPathTests.expectNestedShape(root)
    }
}
