/// A JSON parser over bytes that records the line and column of every value.
///
/// Foundation's parsers give no positions and round numbers, so this one is our own. It accepts exactly
/// RFC 8259 JSON plus a leading byte-order mark; CRLF and CR line ends count as one line break. Numbers are
/// kept as written. A key repeated in one object is an error that names both places: CloudFormation
/// refuses such templates, and silently keeping one value would let a template hide a setting from review.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: LoadLimits
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line, so columns count characters, not bytes.
    private var lineExtraBytes = 0
    private var depth = 0
    /// Problems that do not stop loading (a trailing comma).
    private var warnings: [ParseError] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Parses one JSON document.
    ///
    /// Strict JSON except for one leniency CloudFormation's own tooling has (it reads JSON templates with a
    /// YAML reader): a comma before `}` or `]` is accepted, with a warning at the comma.
    static func parse(_ raw: UnsafeRawBufferPointer, limits: LoadLimits = .default) throws -> Value {
        var warnings: [ParseError] = []
        return try parse(raw, limits: limits, warnings: &warnings)
    }

    static func parse(_ raw: UnsafeRawBufferPointer, limits: LoadLimits = .default, warnings: inout [ParseError]) throws -> Value {
        let bytes = raw.bindMemory(to: UInt8.self)
        var parser = JSONParser(bytes: bytes, limits: limits)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            parser.offset = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        guard parser.offset < bytes.count else {
            throw ParseError(message: "the file holds no JSON value", position: parser.position)
        }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.offset < bytes.count {
            throw ParseError(message: "unexpected \(parser.describeCurrent()) after the end of the JSON value",
                             position: parser.position)
        }
        warnings += parser.warnings
        return value
    }

    // MARK: - Positions

    private var position: Position {
        Position(line: line, column: offset - lineStart - lineExtraBytes + 1)
    }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09:
                offset += 1
            case 0x0A:
                offset += 1
                newLine()
            case 0x0D:
                offset += 1
                if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
                newLine()
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = offset
        lineExtraBytes = 0
    }

    // MARK: - Values

    private mutating func parseValue() throws -> Value {
        let start = position
        guard offset < bytes.count else {
            throw ParseError(message: "unexpected end of file, expected a value", position: start)
        }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject(start: start)
        case UInt8(ascii: "["): return try parseArray(start: start)
        case UInt8(ascii: "\""): return Value(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return Value(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return Value(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return Value(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Value(.number(try parseNumber()), at: start)
        default:
            throw ParseError(message: "unexpected \(describeCurrent()), expected a value", position: start)
        }
    }

    private mutating func enterContainer(at start: Position) throws {
        depth += 1
        if depth > limits.maxDepth {
            throw ParseError(message: "nesting deeper than \(limits.maxDepth) levels (the limit for one template)",
                             position: start)
        }
    }

    private mutating func parseObject(start: Position) throws -> Value {
        try enterContainer(at: start)
        defer { depth -= 1 }
        offset += 1
        var entries: [ValueMap.Entry] = []
        var seen: [String: Int]?
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return Value.map(entries, at: start)
        }
        while true {
            skipWhitespace()
            let keyPosition = position
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw ParseError(message: "unexpected \(describeCurrent()), expected a quoted key", position: keyPosition)
            }
            let key = try parseString()
            if let first = firstOccurrence(of: key, in: entries, index: &seen) {
                throw ParseError(
                    message: "duplicate key \"\(key)\" (first defined at line \(first.line), column \(first.column))",
                    position: keyPosition, related: [first])
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw ParseError(message: "unexpected \(describeCurrent()), expected ':' after key \"\(key)\"",
                                 position: position)
            }
            offset += 1
            skipWhitespace()
            let value = try parseValue()
            entries.append(ValueMap.Entry(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard offset < bytes.count else {
                throw ParseError(message: "unexpected end of file inside the object that starts at \(start)",
                                 position: position)
            }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                if skipTrailingComma(before: UInt8(ascii: "}")) { return Value.map(entries, at: start) }
            case UInt8(ascii: "}"):
                offset += 1
                return Value.map(entries, at: start)
            default:
                throw ParseError(message: "unexpected \(describeCurrent()), expected ',' or '}'", position: position)
            }
        }
    }

    /// Steps over the comma at `offset`; when only whitespace separates it from `close`, steps over that too,
    /// records the warning and answers true (the container ends there).
    private mutating func skipTrailingComma(before close: UInt8) -> Bool {
        let comma = position
        offset += 1
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == close else { return false }
        offset += 1
        let bracket = close == UInt8(ascii: "}") ? "}" : "]"
        warnings.append(ParseError(
            message: "trailing comma before '\(bracket)': strict JSON forbids it (CloudFormation's tools accept it; remove it to be safe)",
            position: comma))
        return true
    }

    /// Linear search for small objects; a dictionary once an object grows past a few dozen keys.
    private func firstOccurrence(of key: String, in entries: [ValueMap.Entry], index: inout [String: Int]?) -> Position? {
        if index == nil {
            if entries.count < 32 {
                return entries.first(where: { $0.key == key })?.keyPosition
            }
            var built = [String: Int](minimumCapacity: entries.count * 2)
            for (i, entry) in entries.enumerated() { built[entry.key] = i }
            index = built
        }
        if let existing = index?[key] { return entries[existing].keyPosition }
        index?[key] = entries.count
        return nil
    }

    private mutating func parseArray(start: Position) throws -> Value {
        try enterContainer(at: start)
        defer { depth -= 1 }
        offset += 1
        var items: [Value] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return Value(.list(items), at: start)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard offset < bytes.count else {
                throw ParseError(message: "unexpected end of file inside the list that starts at \(start)",
                                 position: position)
            }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                if skipTrailingComma(before: UInt8(ascii: "]")) { return Value(.list(items), at: start) }
            case UInt8(ascii: "]"):
                offset += 1
                return Value(.list(items), at: start)
            default:
                throw ParseError(message: "unexpected \(describeCurrent()), expected ',' or ']'", position: position)
            }
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws {
        let start = position
        let count = word.utf8CodeUnitCount
        let matches = offset + count <= bytes.count && word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[offset + $0] == expected[$0] }
        }
        guard matches else {
            throw ParseError(message: "unexpected \(describeCurrent()), expected a value", position: start)
        }
        offset += count
    }

    private mutating func parseNumber() throws -> String {
        let start = offset
        let startPosition = position
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.offset
            while parser.offset < parser.bytes.count,
                  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.offset]) {
                parser.offset += 1
            }
            return parser.offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits(&self)
        guard integerDigits > 0 else {
            throw ParseError(message: "a number needs digits after '-'", position: startPosition)
        }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw ParseError(message: "a JSON number cannot start with 0 (quote it to keep leading zeros)",
                             position: startPosition)
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else {
                throw ParseError(message: "a number needs digits after '.'", position: position)
            }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard digits(&self) > 0 else {
                throw ParseError(message: "a number needs digits in its exponent", position: position)
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote; returns its contents.
    private mutating func parseString() throws -> String {
        let openPosition = position
        offset += 1
        let contentStart = offset
        // Fast path: plain ASCII with no escapes.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            offset += 1
        }
        var buffer = [UInt8](UnsafeBufferPointer(rebasing: bytes[contentStart..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0..<0x20:
                if byte == 0x0A || byte == 0x0D {
                    // Point at the opening quote: that is where the missing quote belongs to.
                    throw ParseError(message: "unterminated string: the line ends before its closing quote",
                                     position: openPosition)
                }
                throw ParseError(message: "control character 0x\(String(byte, radix: 16, uppercase: true)) in a string (escape it)",
                                 position: position)
            case 0x80...:
                let length = try validateUTF8Sequence()
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]))
                offset += length
                lineExtraBytes += length - 1
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        throw ParseError(message: "unterminated string: the file ends before its closing quote", position: openPosition)
    }

    /// Checks the multi-byte UTF-8 sequence at `offset` and returns its length.
    private func validateUTF8Sequence() throws -> Int {
        let lead = bytes[offset]
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: throw invalidUTF8()
        }
        guard offset + length <= bytes.count else { throw invalidUTF8() }
        for i in 1..<length {
            let next = bytes[offset + i]
            guard next & 0xC0 == 0x80 else { throw invalidUTF8() }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw invalidUTF8() }
        return length
    }

    private func invalidUTF8() -> ParseError {
        ParseError(message: "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                   position: position)
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws {
        let escapePosition = position
        offset += 1
        guard offset < bytes.count else {
            throw ParseError(message: "unterminated string: the file ends inside an escape", position: escapePosition)
        }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapePosition)
            if (0xD800...0xDBFF).contains(scalar) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw ParseError(message: "unpaired UTF-16 surrogate in \\u escape", position: escapePosition)
                }
                offset += 2
                let low = try parseHex4(escapePosition)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw ParseError(message: "unpaired UTF-16 surrogate in \\u escape", position: escapePosition)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw ParseError(message: "unpaired UTF-16 surrogate in \\u escape", position: escapePosition)
            }
            // Every value here is a valid scalar: surrogates were paired or rejected above.
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            buffer.append(contentsOf: String(character).utf8)
        default:
            throw ParseError(message: "invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string",
                             position: escapePosition)
        }
    }

    private mutating func parseHex4(_ escapePosition: Position) throws -> UInt32 {
        guard offset + 4 <= bytes.count else {
            throw ParseError(message: "\\u escape needs four hex digits", position: escapePosition)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw ParseError(message: "\\u escape needs four hex digits", position: escapePosition)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
