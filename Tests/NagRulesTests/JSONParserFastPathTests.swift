import Testing
@testable import NagRules

/// The JSON parser reads plain ASCII strings and indentation eight bytes at a time, and skips the full key
/// comparison for ASCII keys of different lengths. These tests put every kind of special byte at every
/// offset around those eight-byte steps, and check that only the speed changed.
@Suite struct JSONParserFastPathTests {
    private func parse(_ text: String) throws -> Value { try JSONText.parse(text) }
    private func failure(_ text: String) -> ParseError? { JSONText.failure(text) }

    /// A special character at each offset of strings from 0 to 19 characters long.
    @Test(arguments: [("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("\\u0041", "A"), ("é", "é"), ("😀", "😀")])
    func specialCharactersAtEveryOffset(escaped: String, decoded: String) throws {
        for length in 0..<20 {
            for at in 0...length {
                let prefix = String(repeating: "a", count: at)
                let suffix = String(repeating: "b", count: length - at)
                let root = try parse("[\"\(prefix)\(escaped)\(suffix)\", 7]")
                let items = try #require(root.listValue)
                #expect(items[0].stringValue == prefix + decoded + suffix)
                // The next value's column counts characters, whatever the string held.
                let column = 1 + 1 + (prefix + escaped + suffix).count + 2 + 2
                #expect(items[1].position == Position(line: 1, column: column))
            }
        }
    }

    @Test func aControlCharacterAtAnyOffsetIsRefused() {
        for at in 0..<17 {
            let text = "[\"" + String(repeating: "x", count: at) + "\u{1}" + "\"]"
            let error = failure(text)
            #expect(error?.message == "control character 0x1 in a string (escape it)")
            #expect(error?.position == Position(line: 1, column: 3 + at))
        }
    }

    @Test func anUnterminatedStringPointsAtItsQuote() {
        for length in 0..<17 {
            let error = failure("[\"" + String(repeating: "x", count: length))
            #expect(error?.message == "unterminated string: the file ends before its closing quote")
            #expect(error?.position == Position(line: 1, column: 2))
        }
    }

    @Test func indentationOfEveryWidthKeepsColumns() throws {
        for width in 0..<40 {
            let root = try parse("{\n" + String(repeating: " ", count: width) + "\"k\": 1\n}")
            let entry = try #require(root.mapValue?.entry("k"))
            #expect(entry.keyPosition == Position(line: 2, column: width + 1))
            #expect(entry.value.position == Position(line: 2, column: width + 6))
        }
        // Tabs and CRLF line ends after the spaces.
        let root = try parse("{\r\n          \t\"k\": 1}")
        #expect(root.mapValue?.entry("k")?.keyPosition == Position(line: 2, column: 12))
    }

    /// Keys that differ in their bytes but are the same text to Swift stay duplicates.
    @Test func canonicallyEquivalentKeysAreStillDuplicates() {
        let pairs = [("K", "\u{212A}"), ("\u{212A}", "K"), ("K", "\\u212A"), ("caf\u{E9}", "cafe\u{301}"),
                     ("cafe\u{301}", "caf\u{E9}")]
        for (first, second) in pairs {
            let error = failure("{\"a\": 1, \"\(first)\": 1, \"\(second)\": 2}")
            #expect(error?.message.hasPrefix("duplicate key") == true, "\(first) / \(second)")
        }
        #expect(failure("{\"ab\": 1, \"abc\": 2, \"ab\": 3}")?.message.hasPrefix("duplicate key \"ab\"") == true)
    }

    @Test func nestedContainersKeepTheirOwnChildren() throws {
        let root = try parse(#"{"a": [1, {"b": [2, 3], "c": {}}, []], "d": {"e": [[4], [5, 6]]}}"#)
        try Self.expectNestedShape(root)
        #expect(root.mapValue?.keys == ["a", "d"])
    }

    /// `{a: [1, {b: [2, 3], c: {}}, []], d: {e: [[4], [5, 6]]}}`, read from JSON or YAML: each container keeps
    /// its own children (both loaders collect children on one shared stack).
    static func expectNestedShape(_ root: Value) throws {
        let a = try #require(root["a"]?.listValue)
        #expect(a.count == 3)
        #expect(a[1]["b"]?.listValue?.count == 2)
        #expect(a[1]["c"]?.mapValue?.isEmpty == true)
        #expect(a[2].listValue?.isEmpty == true)
        #expect(root["d"]?["e"]?.listValue?.map { $0.listValue?.count } == [1, 2])
    }
}
