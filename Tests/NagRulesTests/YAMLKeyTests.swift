import Testing
@testable import NagRules

/// The YAML loader tells mapping keys apart by their prints (the bytes of a short key, the hash of a long one)
/// and shares the strings it makes. These tests put keys of every length next to keys one byte away from them,
/// in maps small enough to be scanned and large enough to be hashed, and check both that near misses stay
/// apart and that real duplicates are caught.
@Suite struct YAMLKeyTests {
    private func parse(_ text: String) throws -> Value {
        try Array(text.utf8).withUnsafeBytes { try YAMLParser.parse($0, limits: .default) }
    }

    private func failure(_ text: String) -> ParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? ParseError
        }
    }

    /// A key of `length` letters, with the letter at `changed` (if any) replaced.
    private func key(length: Int, changed: Int? = nil) -> String {
        String((0..<length).map { $0 == changed ? "Z" : Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
    }

    @Test(arguments: [1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 40, 96, 97, 150])
    func keysOneByteApartAreDistinct(length: Int) throws {
        // The key itself, then one variant per position: in a map of up to 151 keys, scanned and then hashed.
        let keys = [key(length: length)] + (0..<length).map { key(length: length, changed: $0) }
        let text = keys.enumerated().map { "\($1): \($0)" }.joined(separator: "\n") + "\n"
        let map = try #require(try parse(text).mapValue)
        #expect(map.count == keys.count)
        for (index, key) in keys.enumerated() {
            #expect(map[key]?.scalarText == String(index))
        }
    }

    @Test(arguments: [1, 3, 8, 15, 16, 40, 97], [0, 10, 20, 100])
    func duplicatesAreFoundAtAnySize(length: Int, before: Int) throws {
        // `before` other keys, then the key, then more keys and the key again: its first line is reported.
        let fillers = (0..<before).map { "f\($0): x" }
        let lines = fillers + ["\(key(length: length)): first", "g: y", "\(key(length: length)): second"]
        let error = try #require(failure(lines.joined(separator: "\n") + "\n"))
        #expect(error.message == "duplicate key \"\(key(length: length))\" (first defined at line \(before + 1), column 1)")
        #expect(error.position == Position(line: before + 3, column: 1))
    }

    @Test func keysAndValuesOfEveryShortLengthKeepTheirText() throws {
        // Values go through the short-string cache too: the same text at different lengths and offsets.
        var lines: [String] = []
        for length in 1...15 {
            for changed in [nil] + (0..<length).map(Optional.some) {
                lines.append("- \(key(length: length, changed: changed))")
            }
        }
        let items = try #require(try parse(lines.joined(separator: "\n") + "\n").listValue)
        #expect(items.map(\.stringValue) == lines.map { String($0.dropFirst(2)) })
    }

    @Test func aliasKeysAreCheckedLikeWrittenOnes() throws {
        let error = try #require(failure("a: &k ServerSideEncryption\n*k : 1\nServerSideEncryption: 2\n"))
        #expect(error.message == "duplicate key \"ServerSideEncryption\" (first defined at line 2, column 1)")
        #expect(try parse("a: &k ab\n*k : 1\nac: 2\n").mapValue?.count == 3)
    }

    @Test func getAttShortFormSplitsAtTheFirstDot() throws {
        let root = try parse("""
            a: !GetAtt Db.Endpoint.Address
            b: !GetAtt Bücket.Arn
            c: !GetAtt NoDot
            """)
        let a = try #require(root["a"]?.intrinsicValue?.getAttTarget)
        #expect(a.resource == "Db")
        #expect(a.attribute.stringValue == "Endpoint.Address")
        #expect(a.attribute.position == Position(line: 1, column: 15))
        let b = try #require(root["b"]?.intrinsicValue?.getAttTarget)
        #expect(b.resource == "Bücket")
        // Columns count characters: ü is one, though two bytes.
        #expect(b.attribute.position == Position(line: 2, column: 19))
        #expect(root["b"]?.intrinsicValue?.argument.listValue?.first?.position == Position(line: 2, column: 12))
        #expect(root["c"]?.intrinsicValue?.argument.stringValue == "NoDot")
    }
}
