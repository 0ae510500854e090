import Testing
@testable import NagRules

/// The JSON parser builds each distinct string once (``JSONStringTable``), compares ASCII keys by their number in
/// that table, reads non-ASCII strings without escapes in place, and hands only one-entry objects whose key could
/// name an intrinsic to ``Value/map(_:at:)``. These tests hit the edges of each of those paths.
@Suite struct JSONStringTableTests {
    private func parse(_ text: String) throws -> Value { try JSONText.parse(text) }
    private func failure(_ text: String) -> ParseError? { JSONText.failure(text) }

    /// Looks each of `texts` up in one table, all in one buffer (as the parser does), after `padding` bytes.
    private func lookUp(_ texts: [[UInt8]], padding: Int) -> [(String, Int)] {
        var buffer = [UInt8](repeating: UInt8(ascii: "_"), count: padding)
        var ranges: [Range<Int>] = []
        for text in texts {
            ranges.append(buffer.count..<(buffer.count + text.count))
            buffer += text
        }
        var table = JSONStringTable()
        return buffer.withUnsafeBufferPointer { bytes in
            ranges.map { table.string(bytes, from: $0.lowerBound, to: $0.upperBound) }
        }
    }

    /// Every length up to one past the stored maximum, with the last partial word at every alignment: equal bytes
    /// get one number, and runs one byte apart (first, middle or last byte) get different ones.
    @Test func equalBytesShareANumberAndDifferentOnesDoNot() {
        for length in 1...(JSONStringTable.maximumLength + 1) {
            let text = (0..<length).map { UInt8(97 + $0 % 26) }
            let changes = [0, length / 2, length - 1].map { changed -> [UInt8] in
                var other = text
                other[changed] = UInt8(ascii: "#")
                return other
            }
            for padding in [0, 5, 11] {
                let results = lookUp([text, text] + changes + [text], padding: padding)
                #expect(results.map(\.0) == ([text, text] + changes + [text]).map { String(decoding: $0, as: UTF8.self) })
                let numbers = results.map(\.1)
                if length > JSONStringTable.maximumLength {
                    #expect(numbers.allSatisfy { $0 == -1 })
                    continue
                }
                #expect(numbers[0] >= 0 && numbers[1] == numbers[0] && numbers[5] == numbers[0], "length \(length)")
                for (index, number) in numbers[2..<5].enumerated() {
                    #expect(number >= 0 && number != numbers[0], "length \(length), change \(index)")
                }
            }
        }
    }

    @Test func theEmptyStringHasNoNumber() {
        let results = lookUp([[], Array("a".utf8), []], padding: 4)
        #expect(results[0].0.isEmpty && results[0].1 == -1 && results[2].1 == -1 && results[1].1 >= 0)
    }

    /// The parser hashes a string while scanning its words, except near the end of the document, where the table
    /// hashes it: both must agree, or a repeated key would go unnoticed.
    @Test func keysNearTheEndOfTheDocumentAreStillDuplicates() {
        for length in 1...24 {
            let key = String(repeating: "k", count: length - 1) + "z"
            for padding in [0, 3, 8, 20] {
                let text = "{\"\(key)\": 1, \"\(key)\"" + String(repeating: " ", count: padding) + ":2}"
                #expect(failure(text)?.message.hasPrefix("duplicate key \"\(key)\"") == true, "\(length), \(padding)")
            }
        }
    }

    /// Documents shorter than eight bytes are hashed byte by byte.
    @Test func tinyDocumentsParse() throws {
        #expect(try parse("\"a\"").stringValue == "a")
        #expect(try parse("[\"\"]").listValue?.first?.stringValue == "")
        #expect(try parse("7").kind == .number("7"))
        #expect(failure("{\"a\":1,\"a\":2}")?.message.hasPrefix("duplicate key \"a\"") == true)
    }

    /// Thousands of distinct strings (the table grows many times) keep their text, and repeats their number.
    @Test func manyDistinctStringsSurviveGrowth() throws {
        let names = (0..<3000).map { "String-number-\($0)" }
        let root = try parse("[" + (names + names).map { "\"\($0)\"" }.joined(separator: ",") + "]")
        #expect(root.listValue?.compactMap(\.stringValue) == names + names)
    }

    /// Keys compared by number, in small objects and in objects large enough to be indexed.
    @Test(arguments: [2, 31, 32, 33, 100])
    func duplicateKeysAreFoundByNumber(keys: Int) {
        let entries = (0..<keys).map { "\"key\($0)\": \($0)" }
        let duplicate = "{" + entries.joined(separator: ", ") + ", \"key\(keys / 2)\": 0}"
        let error = failure(duplicate)
        #expect(error?.message == "duplicate key \"key\(keys / 2)\" (first defined at line 1, column \(2 + entries[..<(keys / 2)].map { $0.utf8.count + 2 }.reduce(0, +)))")
        #expect(failure("{" + entries.joined(separator: ", ") + "}") == nil)
    }

    /// `count` keys (`k…`) that all hash to one slot of a table of `capacity` slots: the table's hash is fixed,
    /// so a document could be written this way on purpose.
    private static func collidingKeys(_ count: Int, capacity: Int) -> [String] {
        var keys: [String] = []
        var target: Int?
        var candidate = 0
        while keys.count < count {
            let key = "k\(candidate)"
            candidate += 1
            let bytes = Array(key.utf8)
            let slot = bytes.withUnsafeBufferPointer { Int(truncatingIfNeeded: JSONStringTable.hash($0, from: 0, to: $0.count) >> 32) & (capacity - 1) }
            if target == nil { target = slot }
            if slot == target { keys.append(key) }
        }
        return keys
    }

    /// Strings that all land in one slot are still returned right, and past ``JSONStringTable/maximumProbes`` they
    /// get no number instead of a longer and longer search (which made such a document take quadratic time).
    @Test func stringsThatCollideStopBeingNumbered() {
        // 1,000,000 bytes of padding: the table starts with 4,096 slots, and 100 strings do not make it grow.
        let keys = Self.collidingKeys(JSONStringTable.maximumProbes + 36, capacity: 4_096)
        let texts = keys.map { Array($0.utf8) }
        let results = lookUp(texts + texts, padding: 1_000_000)
        #expect(results.map(\.0) == keys + keys)
        let numbers = results.map(\.1)
        let numbered = JSONStringTable.maximumProbes + 1
        #expect(numbers[..<numbered].allSatisfy { $0 >= 0 })
        #expect(numbers[numbered..<keys.count].allSatisfy { $0 == -1 })
        #expect(Array(numbers[keys.count...]) == Array(numbers[..<keys.count]), "the numbered ones are found again")
    }

    /// Duplicate keys among colliding ones are still found, by number or, past the limit, as strings.
    @Test(arguments: [3, 90])
    func duplicatesAmongCollidingKeysAreFound(repeated: Int) {
        let keys = Self.collidingKeys(100, capacity: 16)
        let entries = keys.map { "\"\($0)\": 0" } + ["\"\(keys[repeated])\": 1"]
        let error = failure("{" + entries.joined(separator: ", ") + "}")
        #expect(error?.message.hasPrefix("duplicate key \"\(keys[repeated])\"") == true)
        #expect(failure("{" + keys.map { "\"\($0)\": 0" }.joined(separator: ", ") + "}") == nil)
    }

    /// A key without a number (escaped, non-ASCII or longer than the table keeps) switches the object to comparing
    /// strings, before or after it has grown large.
    @Test(arguments: [1, 40])
    func keysWithoutANumberStillFindDuplicates(before: Int) {
        let filler = (0..<before).map { "\"f\($0)\": 0" }.joined(separator: ", ") + ", "
        let long = String(repeating: "L", count: JSONStringTable.maximumLength + 1)
        let cases = [("\"a\"", "\"\\u0061\""), ("\"\\u0061\"", "\"a\""), ("\"\(long)\"", "\"\(long)\""),
                     ("\"é\"", "\"\\u00e9\""), ("\"K\"", "\"\u{212A}\""), ("\"x\"", "\"x\"")]
        for (first, second) in cases {
            let error = failure("{" + filler + first + ": 1, \"b\": 2, " + second + ": 3}")
            #expect(error?.message.hasPrefix("duplicate key") == true, "\(first) / \(second)")
            #expect(failure("{" + filler + first + ": 1, \"b\": 2, \"c\": 3}") == nil)
        }
    }

    /// Non-ASCII strings without escapes are taken from the source; an escape after a non-ASCII character, or a
    /// bad byte, still takes the careful path with the same results and positions.
    @Test func nonASCIIStringsReadInPlace() throws {
        let root = try parse("[\"é\", \"aé\\n\", \"日本語テキスト\", \"é\", 1]")
        #expect(root.listValue?.compactMap(\.stringValue) == ["é", "aé\n", "日本語テキスト", "é"])
        #expect(root.listValue?.last?.position == Position(line: 1, column: 31))
        let bad = failure("[\"é\u{1}\"]")
        #expect(bad?.message == "control character 0x1 in a string (escape it)")
        #expect(bad?.position == Position(line: 1, column: 4))
        let invalid = Array("[\"é".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        let error = invalid.withUnsafeBytes { raw -> ParseError? in
            do { _ = try JSONParser.parse(raw); return nil } catch { return error as? ParseError }
        }
        #expect(error?.message == "invalid UTF-8 (byte 0xC3)")
        #expect(error?.position == Position(line: 1, column: 4))
        #expect(failure("[\"é")?.message == "unterminated string: the file ends before its closing quote")
    }

    /// What a one-entry object's key means is worked out once per distinct key and reused: the same key later in
    /// the document decides the same way, and `Condition` still looks at each object's own argument.
    @Test func aKeysMeaningIsReusedButEachConditionLooksAtItsArgument() throws {
        let text = #"""
            [{"Condition": {"A": 1}}, {"Condition": "IsProd"}, {"Condition": {"B": 2}}, {"Condition": "Other"},
             {"Ref": "A"}, {"Ref": "B"}, {"Fn::ForEach::X": []}, {"Fn::ForEach::X": []}, {"Fn::GetAtt": "Db.Port"},
             {"Fn::GetAtt": ["Db", "Port"]}, {"\u0046n::Sub": "x"}, {"\u0046n::Sub": "y"}, {"Rex": 1}, {"Rex": 2},
             {"Fn::NotReal": 1}]
            """#
        let items = try #require(try parse(text).listValue)
        #expect(items.map { $0.intrinsicValue?.name.rawValue ?? "map" } == [
            "map", "Condition", "map", "Condition", "Ref", "Ref", "map", "map", "Fn::GetAtt", "Fn::GetAtt",
            "Fn::Sub", "Fn::Sub", "map", "map", "Fn::NotReal",
        ])
        #expect(items[3].intrinsicValue?.argument.stringValue == "Other")
        #expect(items[5].intrinsicValue?.refTarget == "B")
        #expect(items[8].intrinsicValue == items[9].intrinsicValue, "both GetAtt spellings give one list")
        #expect(items[11].intrinsicValue?.argument.stringValue == "y")
        #expect(items[13].mapValue?["Rex"]?.scalarText == "2")
        // The same decisions as a map built entry by entry.
        for item in items {
            guard let (key, value) = item.intrinsicValue.map({ ($0.name.rawValue, $0.argument) })
                ?? item.mapValue.map({ ($0.entries[0].key, $0.entries[0].value) }) else { continue }
            let built = Value.map([ValueMap.Entry(key: key, keyPosition: .start, value: value)], at: item.position)
            #expect(built == item, "\(key)")
        }
    }

    /// Only one-entry objects whose key could name an intrinsic become one.
    @Test func oneEntryObjectsBecomeIntrinsicsOnlyForTheirNames() throws {
        let intrinsics = [#"{"Ref": "A"}"#, #"{"Fn::Sub": "x"}"#, #"{"Condition": "C"}"#, #"{"\u0052ef": "A"}"#]
        for text in intrinsics {
            #expect(try parse(text).intrinsicValue != nil, "\(text)")
        }
        let maps = [#"{"Rex": "A"}"#, #"{"Condition": {"A": 1}}"#, #"{"Fn::ForEach::X": []}"#, #"{"Type": "A"}"#,
                    #"{"": 1}"#, #"{"Ref": "A", "B": 1}"#]
        for text in maps {
            #expect(try parse(text).mapValue != nil, "\(text)")
        }
    }
}
