/// A JSON parser over bytes that records the line and column of every value.
///
/// Foundation's parsers give no positions and round numbers, so this one is our own. It accepts exactly
/// RFC 8259 JSON plus a leading byte-order mark; CRLF and CR line ends count as one line break. Numbers are
/// kept as written. A key repeated in one object is an error that names both places: CloudFormation
/// refuses such templates, and silently keeping one value would let a template hide a setting from review.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    private let limits: LoadLimits
    var offset = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line, so columns count characters, not bytes.
    var lineExtraBytes = 0
    private var depth = 0
    /// Problems that do not stop loading (a trailing comma).
    private var warnings: [ParseError] = []
    /// The entries and items of the objects and lists still open, each container's above its parent's.
    private let entryStack: ElementStack<ValueMap.Entry>
    private let itemStack: ElementStack<Value>
    var interner = StringInterner()
    /// Whether the string ``parseString()`` read last was plain ASCII (no escapes: those take the slow path).
    var lastStringIsASCII = false

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) {
        self.bytes = bytes
        self.limits = limits
        // Small documents (a policy held in a string) get small stacks.
        let capacity = min(256, bytes.count / 32 + 8)
        entryStack = ElementStack(capacity: capacity)
        itemStack = ElementStack(capacity: capacity)
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

    @inline(__always) var position: Position {
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
                skipIndentation()
            case 0x0D:
                offset += 1
                if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
                newLine()
                skipIndentation()
            default:
                return
            }
        }
    }

    /// Steps over the spaces starting a line (a pretty-printed file's indentation) eight bytes at a time.
    private mutating func skipIndentation() {
        guard let base = bytes.baseAddress else { return }
        while offset + 8 <= bytes.count {
            let other = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                ^ 0x2020_2020_2020_2020
            if other != 0 {
                offset += other.trailingZeroBitCount >> 3
                return
            }
            offset += 8
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
        let first = entryStack.count
        var seen: [String: Int]?
        var keysAreASCII = true
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return Value.map([], at: start)
        }
        while true {
            skipWhitespace()
            let keyPosition = position
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw ParseError(message: "unexpected \(describeCurrent()), expected a quoted key", position: keyPosition)
            }
            let key = try parseString()
            keysAreASCII = keysAreASCII && lastStringIsASCII
            if let earlier = firstOccurrence(of: key, from: first, ascii: keysAreASCII, index: &seen) {
                throw ParseError(
                    message: "duplicate key \"\(key)\" (first defined at line \(earlier.line), column \(earlier.column))",
                    position: keyPosition, related: [earlier])
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw ParseError(message: "unexpected \(describeCurrent()), expected ':' after key \"\(key)\"",
                                 position: position)
            }
            offset += 1
            skipWhitespace()
            let value = try parseValue()
            entryStack.append(ValueMap.Entry(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard offset < bytes.count else {
                throw ParseError(message: "unexpected end of file inside the object that starts at \(start)",
                                 position: position)
            }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                if skipTrailingComma(before: UInt8(ascii: "}")) { return Value.map(entryStack.popArray(from: first), at: start) }
            case UInt8(ascii: "}"):
                offset += 1
                return Value.map(entryStack.popArray(from: first), at: start)
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
    /// `first` is where the object's entries start on the entry stack. When `ascii` (this key and all before it
    /// are ASCII), keys of different lengths cannot be equal; otherwise `==` decides, which also treats
    /// canonically equivalent spellings (`é` composed or not, the Kelvin sign and `K`) as the same key.
    private func firstOccurrence(of key: String, from first: Int, ascii: Bool, index: inout [String: Int]?) -> Position? {
        let count = entryStack.count
        if index == nil {
            if count - first < 32 {
                let length = key.utf8.count
                for i in first..<count where (!ascii || entryStack[i].key.utf8.count == length) && entryStack[i].key == key {
                    return entryStack[i].keyPosition
                }
                return nil
            }
            var built = [String: Int](minimumCapacity: (count - first) * 2)
            for i in first..<count { built[entryStack[i].key] = i }
            index = built
        }
        if let existing = index?[key] { return entryStack[existing].keyPosition }
        index?[key] = count
        return nil
    }

    private mutating func parseArray(start: Position) throws -> Value {
        try enterContainer(at: start)
        defer { depth -= 1 }
        offset += 1
        let first = itemStack.count
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return Value(.list([]), at: start)
        }
        while true {
            skipWhitespace()
            let item = try parseValue()
            itemStack.append(item)
            skipWhitespace()
            guard offset < bytes.count else {
                throw ParseError(message: "unexpected end of file inside the list that starts at \(start)",
                                 position: position)
            }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                if skipTrailingComma(before: UInt8(ascii: "]")) { return Value(.list(itemStack.popArray(from: first)), at: start) }
            case UInt8(ascii: "]"):
                offset += 1
                return Value(.list(itemStack.popArray(from: first)), at: start)
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
}
