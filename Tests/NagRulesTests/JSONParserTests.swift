import Testing
@testable import NagRules

private func parseJSON(_ text: String, limits: LoadLimits = .default) throws -> Value {
    try parseJSONBytes(Array(text.utf8), limits: limits)
}

private func parseJSONBytes(_ bytes: [UInt8], limits: LoadLimits = .default) throws -> Value {
    try bytes.withUnsafeBytes { try JSONParser.parse($0, limits: limits) }
}

/// The ParseError a document produces (failing the test when it parses).
private func jsonFailure(_ text: String, limits: LoadLimits = .default,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParseError? {
    jsonFailureBytes(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

private func jsonFailureBytes(_ bytes: [UInt8], limits: LoadLimits = .default,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParseError? {
    do {
        let value = try parseJSONBytes(bytes, limits: limits)
        Issue.record("expected a parse error, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as ParseError {
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

private func pos(_ line: Int, _ column: Int) -> Position { Position(line: line, column: column) }
private func str(_ s: String) -> Value { Value(.string(s), at: .start) }
private func num(_ s: String) -> Value { Value(.number(s), at: .start) }
private func list(_ items: Value...) -> Value { Value(.list(items), at: .start) }
private func call(_ name: IntrinsicName, _ argument: Value) -> Value {
    Value(.intrinsic(Intrinsic(name: name, argument: argument)), at: .start)
}

@Suite struct JSONParserTests {
    // MARK: Positions

    @Test func positionsOfKeysAndValues() throws {
        let root = try parseJSON("""
            {
              "Resources": {
                "Bucket": {
                  "Type": "AWS::S3::Bucket",
                  "Properties": {"Tags": [{"Key": "a", "Value": 12}]}
                }
              }
            }
            """)
        #expect(root.position == pos(1, 1))
        let top = try #require(root.mapValue)
        let resources = try #require(top.entry("Resources"))
        #expect(resources.keyPosition == pos(2, 3))
        #expect(resources.value.position == pos(2, 16))
        let bucket = try #require(resources.value.mapValue?.entry("Bucket"))
        #expect(bucket.keyPosition == pos(3, 5))
        #expect(bucket.value.position == pos(3, 15))
        let type = try #require(bucket.value.mapValue?.entry("Type"))
        #expect(type.keyPosition == pos(4, 7))
        #expect(type.value.position == pos(4, 15))
        #expect(type.value.stringValue == "AWS::S3::Bucket")
        let tags = try #require(bucket.value["Properties"]?["Tags"])
        #expect(tags.position == pos(5, 30))
        let tag = try #require(tags.listValue?.first)
        #expect(tag.position == pos(5, 31))
        #expect(tag.mapValue?.entry("Key")?.keyPosition == pos(5, 32))
        #expect(tag["Key"]?.position == pos(5, 39))
        #expect(tag.mapValue?.entry("Value")?.keyPosition == pos(5, 44))
        #expect(tag["Value"]?.position == pos(5, 53))
        #expect(tag["Value"] == num("12"))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        // "é" is 2 bytes, "€" 3, "😀" 4: each is one column.
        let root = try parseJSON("{\"é€😀\": \"ü\", \"b\": true}")
        let map = try #require(root.mapValue)
        #expect(map.entry("é€😀")?.keyPosition == pos(1, 2))
        #expect(map["é€😀"]?.position == pos(1, 9))
        #expect(map.entry("b")?.keyPosition == pos(1, 14))
        #expect(map["b"]?.position == pos(1, 19))
        #expect(map["b"] == Value(.bool(true), at: .start))
    }

    @Test func multiByteCharactersOnEarlierLinesDoNotShiftLaterColumns() throws {
        let root = try parseJSON("{\"a\": \"日本語\",\n  \"b\": [null,\n\t\"😀\", 3]}")
        let map = try #require(root.mapValue)
        #expect(map.entry("b")?.keyPosition == pos(2, 3))
        let items = try #require(map["b"]?.listValue)
        #expect(items[0].position == pos(2, 9))
        #expect(items[0].isNull)
        #expect(items[1].position == pos(3, 2))
        #expect(items[2].position == pos(3, 7))
    }

    @Test func crlfAndCrLineEndsCountAsOneLine() throws {
        let crlf = try #require(try parseJSON("{\r\n  \"a\": 1,\r\n\r\n  \"b\": 2\r\n}\r\n").mapValue)
        #expect(crlf.entry("a")?.keyPosition == pos(2, 3))
        #expect(crlf["a"]?.position == pos(2, 8))
        #expect(crlf.entry("b")?.keyPosition == pos(4, 3))
        let cr = try #require(try parseJSON("{\r  \"a\": 1,\r\r  \"b\": 2\r}").mapValue)
        #expect(cr.entry("a")?.keyPosition == pos(2, 3))
        #expect(cr.entry("b")?.keyPosition == pos(4, 3))
        #expect(cr["b"]?.position == pos(4, 8))
    }

    @Test func leadingByteOrderMarkIsSkippedAndNotCounted() throws {
        let root = try parseJSONBytes([0xEF, 0xBB, 0xBF] + Array("{\"a\": \"b\"}".utf8))
        #expect(root.position == pos(1, 1))
        #expect(root.mapValue?.entry("a")?.keyPosition == pos(1, 2))
        #expect(root["a"]?.position == pos(1, 7))
        #expect(root["a"]?.stringValue == "b")
    }

    @Test func aByteOrderMarkElsewhereIsAnError() throws {
        let error = try #require(jsonFailureBytes(Array("{\"a\": ".utf8) + [0xEF, 0xBB, 0xBF] + Array("1}".utf8)))
        #expect(error.position == pos(1, 7))
        #expect(error.message == "unexpected byte 0xEF, expected a value")
    }

    // MARK: Strings

    @Test func escapes() throws {
        let root = try parseJSON(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "x\u0000y"]"#)
        let items = try #require(root.listValue)
        #expect(items[0].stringValue == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(items[1].stringValue == "é€")
        #expect(items[2].stringValue == "😀")
        #expect(items[2].stringValue?.unicodeScalars.count == 1)
        #expect(items[3].stringValue == "x\u{0}y")
    }

    @Test func stringsWithEscapesOrUnicodeKeepLaterPositionsRight() throws {
        let root = try parseJSON(#"{"k\n": "\u00e9é", "next": 1}"#)
        let map = try #require(root.mapValue)
        #expect(map.keys == ["k\n", "next"])
        #expect(map["k\n"]?.stringValue == "éé")
        // `{"k\n": "\u00e9é", ` is 19 scalars: the escape counts as the 6 characters written.
        #expect(map.entry("next")?.keyPosition == pos(1, 20))
        #expect(map["next"]?.position == pos(1, 28))
    }

    @Test func loneSurrogatesAreErrors() throws {
        let high = try #require(jsonFailure(#"{"a": "x\ud83dy"}"#))
        #expect(high.message == "unpaired UTF-16 surrogate in \\u escape")
        #expect(high.position == pos(1, 9))
        let low = try #require(jsonFailure(#"["\ude00"]"#))
        #expect(low.message == "unpaired UTF-16 surrogate in \\u escape")
        #expect(low.position == pos(1, 3))
        let highHigh = try #require(jsonFailure(#"["\ud83d\ud83d"]"#))
        #expect(highHigh.position == pos(1, 3))
    }

    @Test func badEscapes() throws {
        let unknown = try #require(jsonFailure(#"["ab\x"]"#))
        #expect(unknown.message == "invalid escape '\\x' in a string")
        #expect(unknown.position == pos(1, 5))
        let shortHex = try #require(jsonFailure(#"["\u12"]"#))
        #expect(shortHex.message == "\\u escape needs four hex digits")
        #expect(shortHex.position == pos(1, 3))
    }

    @Test func unterminatedStringPointsAtTheOpeningQuote() throws {
        let atEnd = try #require(jsonFailure("{\n  \"a\": \"never closed"))
        #expect(atEnd.position == pos(2, 8))
        #expect(atEnd.message == "unterminated string: the file ends before its closing quote")
        let atLineEnd = try #require(jsonFailure("{\n  \"a\": \"open,\n  \"b\": 1}"))
        #expect(atLineEnd.position == pos(2, 8))
        #expect(atLineEnd.message == "unterminated string: the line ends before its closing quote")
        let unterminatedKey = try #require(jsonFailure("{\"abc"))
        #expect(unterminatedKey.position == pos(1, 2))
    }

    @Test func controlCharactersInStringsAreErrors() throws {
        let tab = try #require(jsonFailure("[\"a\tb\"]"))
        #expect(tab.message == "control character 0x9 in a string (escape it)")
        #expect(tab.position == pos(1, 4))
        let bell = try #require(jsonFailureBytes(Array("[\"é".utf8) + [0x07] + Array("\"]".utf8)))
        #expect(bell.message == "control character 0x7 in a string (escape it)")
        #expect(bell.position == pos(1, 4))
    }

    @Test(arguments: [
        ([0xC3, 0x28], "invalid UTF-8 (byte 0xC3)"),             // lead byte without continuation
        ([0xED, 0xA0, 0x80], "invalid UTF-8 (byte 0xED)"),       // encoded surrogate U+D800
        ([0xC0, 0xAF], "invalid UTF-8 (byte 0xC0)"),             // overlong "/"
        ([0xE0, 0x80, 0xAF], "invalid UTF-8 (byte 0xE0)"),       // overlong 3-byte
        ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8 (byte 0xF4)"), // above U+10FFFF
        ([0x80], "invalid UTF-8 (byte 0x80)"),                   // stray continuation byte
        ([0xE2, 0x82], "invalid UTF-8 (byte 0xE2)"),             // truncated at the end of the string
    ] as [([UInt8], String)])
    func invalidUTF8InStrings(bytes: [UInt8], message: String) throws {
        let error = try #require(jsonFailureBytes(Array("{\n \"k\": \"ab".utf8) + bytes + Array("\"}".utf8)))
        #expect(error.message == message)
        #expect(error.position == pos(2, 10))
    }

    @Test func invalidUTF8OutsideStrings() throws {
        let error = try #require(jsonFailureBytes(Array("[1, ".utf8) + [0xC3, 0x28] + Array("]".utf8)))
        #expect(error.position == pos(1, 5))
        #expect(error.message == "unexpected byte 0xC3, expected a value")
    }

    // MARK: Numbers and literals

    @Test func numbersAreKeptExactlyAsWritten() throws {
        let root = try parseJSON(#"["012345678901", 123456789012, 1.10, 1e400, -0, 0.5E-3, 1E+2, -12.0]"#)
        let items = try #require(root.listValue)
        #expect(items[0] == str("012345678901"))
        #expect(items[1] == num("123456789012"))
        #expect(items[2] == num("1.10"))
        #expect(items[3] == num("1e400"))
        #expect(items[4] == num("-0"))
        #expect(items[5] == num("0.5E-3"))
        #expect(items[6] == num("1E+2"))
        #expect(items[7] == num("-12.0"))
        #expect(items[2].scalarText == "1.10")
        #expect(items[7].position == pos(1, 63))
    }

    @Test func malformedNumbers() throws {
        let leadingZero = try #require(jsonFailure("[012345678901]"))
        #expect(leadingZero.message == "a JSON number cannot start with 0 (quote it to keep leading zeros)")
        #expect(leadingZero.position == pos(1, 2))
        let bareMinus = try #require(jsonFailure("[-]"))
        #expect(bareMinus.message == "a number needs digits after '-'")
        let noFraction = try #require(jsonFailure("[1.]"))
        #expect(noFraction.message == "a number needs digits after '.'")
        #expect(noFraction.position == pos(1, 4))
        let noExponent = try #require(jsonFailure("[1e+]"))
        #expect(noExponent.message == "a number needs digits in its exponent")
        #expect(jsonFailure("[+1]")?.message == "unexpected character '+', expected a value")
        #expect(jsonFailure("[.5]")?.message == "unexpected character '.', expected a value")
    }

    @Test func literals() throws {
        let items = try #require(try parseJSON("[true, false, null]").listValue)
        #expect(items.map(\.kind) == [.bool(true), .bool(false), .null])
        let bad = try #require(jsonFailure("[nul]"))
        #expect(bad.position == pos(1, 2))
        #expect(jsonFailure("[True]")?.message == "unexpected character 'T', expected a value")
    }

    // MARK: Structure errors

    @Test func trailingGarbageIsAnErrorWithItsPosition() throws {
        let error = try #require(jsonFailure("{\"a\": 1}\n  x"))
        #expect(error.message == "unexpected character 'x' after the end of the JSON value")
        #expect(error.position == pos(2, 3))
        let second = try #require(jsonFailure("{}{}"))
        #expect(second.position == pos(1, 3))
        // Trailing whitespace is fine.
        #expect(try parseJSON("{}\n\r\n \t").mapValue?.isEmpty == true)
    }

    @Test func duplicateKeyNamesBothPositions() throws {
        let error = try #require(jsonFailure("{\n  \"Bucket\": 1,\n  \"Other\": 2,\n    \"Bucket\": 3\n}"))
        #expect(error.message == "duplicate key \"Bucket\" (first defined at line 2, column 3)")
        #expect(error.position == pos(4, 5))
        #expect(error.related == [pos(2, 3)])
        let diagnostic = error.diagnostic(file: "t.json")
        #expect(diagnostic.location == FileLocation(file: "t.json", line: 4, column: 5))
        #expect(diagnostic.related == [FileLocation(file: "t.json", line: 2, column: 3)])
    }

    @Test func duplicateKeyInALargeObjectIsFound() throws {
        // Past 32 keys the parser switches to a hash index; the duplicate must still be caught.
        let keys = (0..<100).map { "\"k\($0)\": \($0)" }
        let text = "{\n" + keys.joined(separator: ",\n") + ",\n\"k40\": 0\n}"
        let error = try #require(jsonFailure(text))
        #expect(error.message == "duplicate key \"k40\" (first defined at line 42, column 1)")
        #expect(error.position == pos(102, 1))
        let late = try #require(jsonFailure("{\n" + keys.joined(separator: ",\n") + ",\n\"k99\": 0\n}"))
        #expect(late.related == [pos(101, 1)])
        // Escaped and unescaped spellings of one key are the same key.
        let escaped = try #require(jsonFailure(#"{"ab": 1, "a\u0062": 2}"#))
        #expect(escaped.position == pos(1, 11))
        #expect(escaped.related == [pos(1, 2)])
    }

    @Test func aTrailingCommaIsReadWithAWarningAtTheComma() throws {
        let text = "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\",\n  \"Properties\": {\"AccessControl\": \"Private\",}}},\n\"Metadata\": {\"L\": [1, 2 ,\n]}}"
        let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "t.json")
        #expect(template.resource(named: "B")?.properties["AccessControl"]?.stringValue == "Private")
        #expect(template.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(template.diagnostics.map(\.location.position) == [pos(2, 44), pos(3, 25)])
        #expect(template.diagnostics.first?.message == "trailing comma before '}': strict JSON forbids it (CloudFormation's tools accept it; remove it to be safe)")
        // Duplicate keys stay errors.
        #expect(jsonFailure("{\"a\": 1, \"a\": 2,}")?.message.hasPrefix("duplicate key") == true)
    }

    @Test func structuralErrors() throws {
        #expect(jsonFailure("{\"a\" 1}")?.message == "unexpected character '1', expected ':' after key \"a\"")
        #expect(jsonFailure("{\"a\": 1 \"b\": 2}")?.position == pos(1, 9))
        // One trailing comma is read (with a warning, below); two, or a comma with nothing before it, are not.
        #expect(jsonFailure("{\"a\": 1,,}")?.message == "unexpected character ',', expected a quoted key")
        #expect(jsonFailure("[1,,]")?.message == "unexpected character ',', expected a value")
        #expect(jsonFailure("{,}")?.message == "unexpected character ',', expected a quoted key")
        #expect(jsonFailure("[1 2]")?.message == "unexpected character '2', expected ',' or ']'")
        #expect(jsonFailure("{a: 1}")?.position == pos(1, 2))
        let unclosed = try #require(jsonFailure("{\n\"a\": [1,\n2"))
        #expect(unclosed.message == "unexpected end of file inside the list that starts at 2:6")
        #expect(unclosed.position == pos(3, 2))
        let unclosedObject = try #require(jsonFailure("{\"a\": 1"))
        #expect(unclosedObject.message == "unexpected end of file inside the object that starts at 1:1")
    }

    @Test func emptyAndWhitespaceOnlyInput() throws {
        let empty = try #require(jsonFailure(""))
        #expect(empty.message == "the file holds no JSON value")
        #expect(empty.position == pos(1, 1))
        let blank = try #require(jsonFailure("\n\n   "))
        #expect(blank.message == "the file holds no JSON value")
        #expect(blank.position == pos(3, 4))
        #expect(jsonFailureBytes([0xEF, 0xBB, 0xBF])?.message == "the file holds no JSON value")
    }

    @Test func deepNestingHitsTheDepthLimitWithoutCrashing() throws {
        let depth = 10_000
        let lists = try #require(jsonFailure(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        #expect(lists.message == "nesting deeper than 512 levels (the limit for one template)")
        #expect(lists.position == pos(1, 513))
        let maps = try #require(jsonFailure(String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)))
        #expect(maps.message == "nesting deeper than 512 levels (the limit for one template)")
        #expect(maps.position == pos(1, 512 * 5 + 1))
        // Exactly at the limit is fine, and the limit is configurable.
        let atLimit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parseJSON(atLimit) }
        let small = try #require(jsonFailure("[[[[]]]]", limits: LoadLimits(maxDepth: 3)))
        #expect(small.message == "nesting deeper than 3 levels (the limit for one template)")
        #expect(small.position == pos(1, 4))
    }

    // MARK: Intrinsics

    @Test func refBecomesAnIntrinsic() throws {
        let root = try parseJSON(#"{"a": {"Ref": "Bucket"}, "b": {"Ref": "X", "Other": 1}}"#)
        let ref = try #require(root["a"])
        #expect(ref == call(.ref, str("Bucket")))
        #expect(ref.position == pos(1, 7))
        #expect(ref.intrinsicValue?.refTarget == "Bucket")
        #expect(ref.intrinsicValue?.argument.position == pos(1, 15))
        // Two keys: not an intrinsic.
        #expect(root["b"]?.mapValue?.keys == ["Ref", "Other"])
    }

    @Test func getAttStringFormEqualsListForm() throws {
        let root = try parseJSON("""
            [{"Fn::GetAtt": "Db.Endpoint.Address"}, {"Fn::GetAtt": ["Db", "Endpoint.Address"]}]
            """)
        let items = try #require(root.listValue)
        #expect(items[0] == items[1])
        #expect(items[0] == call(.getAtt, list(str("Db"), str("Endpoint.Address"))))
        let target = try #require(items[0].intrinsicValue?.getAttTarget)
        #expect(target.resource == "Db")
        #expect(target.attribute.stringValue == "Endpoint.Address")
        // The attribute's position points inside the string: `"Db.` is 4 characters past the quote.
        #expect(items[0].intrinsicValue?.argument.position == pos(1, 17))
        #expect(target.attribute.position.line == 1)
    }

    @Test func conditionIsAnIntrinsicOnlyWithAStringArgument() throws {
        let root = try parseJSON("""
            {"a": {"Condition": "IsProd"},
             "b": {"Condition": {"StringEquals": {"aws:SourceAccount": "1"}}}}
            """)
        #expect(root["a"] == call(.condition, str("IsProd")))
        let iam = try #require(root["b"]?.mapValue)
        #expect(iam.keys == ["Condition"])
        #expect(iam["Condition"]?["StringEquals"]?["aws:SourceAccount"]?.stringValue == "1")
    }

    @Test func longFormIntrinsicsOfEveryKind() throws {
        let root = try parseJSON("""
            [{"Fn::Sub": "${AWS::Region}-x"}, {"Fn::Join": ["-", ["a", "b"]]},
             {"Fn::If": ["C", 1, 2]}, {"Fn::FindInMap": ["M", "k", "v"]}, {"Fn::Base64": "x"},
             {"Fn::Length": [1, 2]}, {"Fn::ToJsonString": {"a": 1}}]
            """)
        let names = try #require(root.listValue).map { $0.intrinsicValue?.name.rawValue }
        #expect(names == ["Fn::Sub", "Fn::Join", "Fn::If", "Fn::FindInMap", "Fn::Base64", "Fn::Length", "Fn::ToJsonString"])
    }

    @Test func forEachKeysStayMapEntries() throws {
        let root = try parseJSON("""
            {"Resources": {"Fn::ForEach::Topics": ["Name", ["A", "B"], {"Topic${Name}": {"Type": "AWS::SNS::Topic"}}]},
             "Only": {"Fn::ForEach::Loop": ["X", [], {}]}}
            """)
        let resources = try #require(root["Resources"]?.mapValue)
        #expect(resources.keys == ["Fn::ForEach::Topics"])
        #expect(resources["Fn::ForEach::Topics"]?.listValue?.count == 3)
        #expect(root["Only"]?.intrinsicValue == nil)
        #expect(root["Only"]?.mapValue?.keys == ["Fn::ForEach::Loop"])
    }
}
