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
    /// The references the intrinsic functions read so far write (``Intrinsic/ownReferenceEstimate``).
    private var referenceEstimate = 0
    /// The entries and items of the objects and lists still open, each container's above its parent's.
    private let entryStack: ElementStack<ValueMap.Entry>
    private let itemStack: ElementStack<Value>
    /// The keys' numbers in ``strings`` (-1 for a key that has none): the first `entryStack.count` are those of
    /// the entries on the entry stack; the rest are left over from finished objects.
    private var keyNumbers: [Int] = []
    var strings = JSONStringTable()
    /// ``SingleKeyMeaning`` of the keys of one-entry objects, by their number in ``strings``.
    private var singleKeyMeanings: [SingleKeyMeaning?] = []
    /// Whether the string ``parseString()`` read last was plain ASCII (no escapes: those take the slow path).
    var lastStringIsASCII = false
    /// The number in ``strings`` of the string ``parseString()`` read last when it is plain ASCII and has one,
    /// else -1: two such strings are equal exactly when their numbers are.
    var lastStringNumber = -1

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) {
        self.bytes = bytes
        self.limits = limits
        // Small documents (a policy held in a string) get small stacks.
        let capacity = min(256, bytes.count / 32 + 8)
        entryStack = ElementStack(capacity: capacity)
        itemStack = ElementStack(capacity: capacity)
        keyNumbers = Array(repeating: -1, count: capacity)
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
        var references = 0
        return try parse(raw, limits: limits, warnings: &warnings, referenceEstimate: &references)
    }

    /// Parses one JSON document, adding to `referenceEstimate` the references its intrinsic functions write.
    static func parse(_ raw: UnsafeRawBufferPointer, limits: LoadLimits = .default, warnings: inout [ParseError],
                      referenceEstimate: inout Int) throws -> Value {
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
        referenceEstimate += parser.referenceEstimate
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

    /// Steps over whitespace; most calls find none, and return after one comparison, or one space (after a
    /// colon), and return after two.
    @inline(__always) private mutating func skipWhitespace() {
        if offset < bytes.count, bytes[offset] > 0x20 { return }
        if offset + 1 < bytes.count, bytes[offset] == 0x20, bytes[offset + 1] > 0x20 {
            offset += 1
            return
        }
        skipWhitespaceRun()
    }

    /// Steps over spaces, tabs and line breaks, counting lines. After a line break the next line's indentation
    /// is skipped eight bytes at a time.
    private mutating func skipWhitespaceRun() {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var index = offset
        while index < end {
            let byte = base[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            guard byte == 0x0A || byte == 0x0D else { break }
            index += 1
            if byte == 0x0D, index < end, base[index] == 0x0A { index += 1 }
            line += 1
            lineStart = index
            lineExtraBytes = 0
            while index + 8 <= end {
                let other = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    ^ 0x2020_2020_2020_2020
                if other != 0 {
                    index += other.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
        }
        offset = index
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
        var seen = KeyIndex()
        /// The first byte after the first key's opening quote.
        var firstKeyLead: UInt8 = 0
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
            if entryStack.count == first, offset + 1 < bytes.count { firstKeyLead = bytes[offset + 1] }
            let key = try parseString()
            let keyNumber = lastStringNumber
            // Recorded before the search, whose index reads it back when it grows; nested objects parsed as the
            // value may overwrite it, so it is written again below.
            recordKeyNumber(keyNumber)
            seen.keysAreASCII = seen.keysAreASCII && lastStringIsASCII
            if let earlier = firstOccurrence(of: key, number: keyNumber, from: first, index: &seen) {
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
            recordKeyNumber(keyNumber)
            entryStack.append(ValueMap.Entry(key: consume key, keyPosition: keyPosition, value: consume value))
            skipWhitespace()
            guard offset < bytes.count else {
                throw ParseError(message: "unexpected end of file inside the object that starts at \(start)",
                                 position: position)
            }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                if skipTrailingComma(before: UInt8(ascii: "}")) { return finishObject(from: first, at: start, firstKeyLead: firstKeyLead) }
            case UInt8(ascii: "}"):
                offset += 1
                return finishObject(from: first, at: start, firstKeyLead: firstKeyLead)
            default:
                throw ParseError(message: "unexpected \(describeCurrent()), expected ',' or '}'", position: position)
            }
        }
    }

    /// Records `number` as the key number of the entry about to be pushed on the entry stack.
    @inline(__always) private mutating func recordKeyNumber(_ number: Int) {
        if entryStack.count < keyNumbers.count {
            keyNumbers[entryStack.count] = number
        } else {
            keyNumbers.append(number)
        }
    }

    /// Steps over the comma at `offset`; when only whitespace separates it from `close`, steps over that too,
    /// records the warning and answers true (the container ends there).
    @inline(__always) private mutating func skipTrailingComma(before close: UInt8) -> Bool {
        let comma = position
        offset += 1
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == close else { return false }
        offset += 1
        warnTrailingComma(at: comma, before: close)
        return true
    }

    private mutating func warnTrailingComma(at comma: Position, before close: UInt8) {
        let bracket = close == UInt8(ascii: "}") ? "}" : "]"
        warnings.append(ParseError(
            message: "trailing comma before '\(bracket)': strict JSON forbids it (CloudFormation's tools accept it; remove it to be safe)",
            position: comma))
    }

    /// The object made of the entries from `first` up on the entry stack.
    ///
    /// Only a one-entry object whose key starts with `R`, `F`, `C` or an escape can be an intrinsic function
    /// (`Ref`, `Fn::…`, `Condition`), decided as ``Value/map(_:at:)`` decides; every other one is a plain map.
    private mutating func finishObject(from first: Int, at start: Position, firstKeyLead: UInt8) -> Value {
        if entryStack.count - first == 1, firstKeyLead == UInt8(ascii: "R") || firstKeyLead == UInt8(ascii: "F")
            || firstKeyLead == UInt8(ascii: "C") || firstKeyLead == UInt8(ascii: "\\") {
            let meaning = singleKeyMeaning(number: keyNumbers[first], key: entryStack[first].key)
            let entry = entryStack.removeLast()
            if let intrinsic = meaning.intrinsic(argument: entry.value) {
                return .intrinsic(intrinsic, at: start, countingInto: &referenceEstimate)
            }
            return Value(.map(ValueMap([entry])), at: start)
        }
        return Value(.map(ValueMap(entryStack.popArray(from: first))), at: start)
    }

    /// What `key` means as the only key of an object, worked out once per distinct key: by its number in
    /// ``strings`` when it has one (-1 when not).
    private mutating func singleKeyMeaning(number: Int, key: String) -> SingleKeyMeaning {
        guard number >= 0 else { return SingleKeyMeaning(key: key) }
        if number >= singleKeyMeanings.count {
            singleKeyMeanings.append(contentsOf: repeatElement(nil, count: number + 64 - singleKeyMeanings.count))
        }
        if let known = singleKeyMeanings[number] { return known }
        let meaning = SingleKeyMeaning(key: key)
        singleKeyMeanings[number] = meaning
        return meaning
    }

    /// How ``firstOccurrence(of:number:from:index:)`` finds earlier keys of one object.
    private struct KeyIndex {
        /// Whether every key so far is ASCII: keys of different lengths then cannot be equal.
        var keysAreASCII = true
        /// Whether every key so far has a number in ``strings``: keys are then equal exactly when their numbers are.
        var keysAreNumbered = true
        /// Built once an object grows past a few dozen keys: by number, or by key once a key has no number.
        var numbers: NumberIndex?
        var keys: [String: Int]?
    }

    /// The entries of one large object by their keys' numbers in ``strings``: open addressing, each slot holding
    /// an entry's place on the entry stack plus one (0 for empty). Numbers come from the string table in the order
    /// strings first appear, so they are spread by a multiplicative hash rather than by hashing the keys again.
    private struct NumberIndex {
        private var slots: [Int32]
        private var count = 0

        init(expecting count: Int) {
            var capacity = 64
            while capacity < count * 2 { capacity *= 2 }
            slots = Array(repeating: 0, count: capacity)
        }

        private static func home(of number: Int, mask: Int) -> Int {
            Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }

        /// The place of the entry whose key has `number` (`numbers[place]` is each entry's key number), or nil
        /// after recording `place` as that entry.
        mutating func place(of number: Int, recording place: Int, numbers: [Int]) -> Int? {
            let mask = slots.count - 1
            var slot = Self.home(of: number, mask: mask)
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { break }
                if numbers[stored - 1] == number { return stored - 1 }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(place + 1)
            count += 1
            if count * 2 > slots.count { grow(numbers: numbers) }
            return nil
        }

        private mutating func grow(numbers: [Int]) {
            let old = slots
            slots = Array(repeating: 0, count: old.count * 2)
            let mask = slots.count - 1
            for stored in old where stored != 0 {
                var slot = Self.home(of: numbers[Int(stored) - 1], mask: mask)
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = stored
            }
        }
    }

    /// The position of an earlier key of the same object equal to `key`, or nil (then `key` is recorded).
    /// `first` is where the object's entries start on the entry stack; `number` is the key's number in
    /// ``strings`` or -1.
    ///
    /// While every key has a number, numbers are compared, linearly for small objects and hashed for large ones.
    /// Otherwise strings: when every key is ASCII, keys of different lengths cannot be equal; else `==` decides,
    /// which also treats canonically equivalent spellings (`é` composed or not, the Kelvin sign and `K`) as the
    /// same key.
    private func firstOccurrence(of key: String, number: Int, from first: Int, index: inout KeyIndex) -> Position? {
        let count = entryStack.count
        if index.keysAreNumbered && number >= 0 {
            if index.numbers == nil {
                if count - first < 32 {
                    for i in first..<count where keyNumbers[i] == number { return entryStack[i].keyPosition }
                    return nil
                }
                var built = NumberIndex(expecting: count - first)
                for i in first..<count { _ = built.place(of: keyNumbers[i], recording: i, numbers: keyNumbers) }
                index.numbers = built
            }
            if let existing = index.numbers?.place(of: number, recording: count, numbers: keyNumbers) {
                return entryStack[existing].keyPosition
            }
            return nil
        }
        index.keysAreNumbered = false
        index.numbers = nil
        if index.keys == nil {
            if count - first < 32 {
                let length = key.utf8.count
                let ascii = index.keysAreASCII
                for i in first..<count where (!ascii || entryStack[i].key.utf8.count == length) && entryStack[i].key == key {
                    return entryStack[i].keyPosition
                }
                return nil
            }
            var built = [String: Int](minimumCapacity: (count - first) * 2)
            for i in first..<count { built[entryStack[i].key] = i }
            index.keys = built
        }
        if let existing = index.keys?[key] { return entryStack[existing].keyPosition }
        index.keys?[key] = count
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
        return strings.string(bytes, from: start, to: offset).0
    }
}
