/// A place in a document as LSP counts it: 0-based line, and 0-based character offset in UTF-16 code units.
public struct TextPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

/// A span of a document, end exclusive.
public struct TextRange: Sendable, Hashable {
    public var start: TextPosition
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    init?(_ json: JSONValue?) {
        guard let start = TextPosition(json?["start"]), let end = TextPosition(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    var json: JSONValue { ["start": start.json, "end": end.json] }

    /// Whether the position is inside the range, or at its end (a cursor just after a word is on it).
    func contains(_ position: TextPosition) -> Bool { start <= position && position <= end }

    func overlaps(_ other: TextRange) -> Bool { start <= other.end && other.start <= end }
}

/// Where each line of a document starts, to turn LSP positions (UTF-16) and nag's (1-based line, column in
/// Unicode scalars) into byte offsets of the UTF-8 text and back. Lines end at LF, CRLF or CR, as in LSP.
struct LineTable: Sendable {
    /// The byte offset of each line's first byte.
    let starts: [Int]
    /// Whether each line is all ASCII, where a byte is a character and offsets need no counting.
    let ascii: [Bool]
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        var ascii: [Bool] = []
        var lineIsASCII = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 10 || byte == 13 {
                if byte == 13, index < bytes.count, bytes[index] == 10 { index += 1 }
                starts.append(index)
                ascii.append(lineIsASCII)
                lineIsASCII = true
            } else if byte >= 0x80 {
                lineIsASCII = false
            }
        }
        ascii.append(lineIsASCII)
        self.starts = starts
        self.ascii = ascii
        self.bytes = bytes
    }

    var lineCount: Int { starts.count }

    /// The byte offset where a line's text ends (before its line break).
    func end(ofLine line: Int) -> Int {
        guard line + 1 < starts.count else { return bytes.count }
        var end = starts[line + 1]
        if end > starts[line], bytes[end - 1] == 10 { end -= 1 }
        if end > starts[line], bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// The bytes of one line, without its line break.
    func text(ofLine line: Int) -> ArraySlice<UInt8> {
        guard line >= 0, line < starts.count else { return [] }
        return bytes[starts[line]..<end(ofLine: line)]
    }

    /// The byte offset of an LSP position; a line past the end is the end of the document, a character past
    /// the end of its line is the end of the line (as LSP says).
    func offset(of position: TextPosition) -> Int {
        guard position.line < starts.count else { return bytes.count }
        let end = end(ofLine: position.line)
        if ascii[position.line] { return min(end, starts[position.line] + position.character) }
        var offset = starts[position.line], units = 0
        while offset < end, units < position.character {
            units += Self.utf16Units(lead: bytes[offset])
            offset += Self.sequenceLength(lead: bytes[offset], at: offset, end: end, in: bytes)
        }
        return offset
    }

    /// The LSP position of a byte offset.
    func position(ofOffset offset: Int) -> TextPosition {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let end = min(offset, end(ofLine: low))
        if ascii[low] { return TextPosition(line: low, character: end - starts[low]) }
        var units = 0, index = starts[low]
        while index < end {
            units += Self.utf16Units(lead: bytes[index])
            index += Self.sequenceLength(lead: bytes[index], at: index, end: end, in: bytes)
        }
        return TextPosition(line: low, character: units)
    }

    /// The byte offset of nag's position (1-based line, 1-based column in Unicode scalars), clamped to the line.
    func offset(line: Int, column: Int) -> Int {
        let line = line - 1
        guard line >= 0 else { return 0 }
        guard line < starts.count else { return bytes.count }
        let end = end(ofLine: line)
        if ascii[line] { return min(end, starts[line] + max(0, column - 1)) }
        var offset = starts[line], scalars = 1
        while offset < end, scalars < column {
            offset += Self.sequenceLength(lead: bytes[offset], at: offset, end: end, in: bytes)
            scalars += 1
        }
        return offset
    }

    /// UTF-16 code units of the scalar a byte starts: 2 for a four-byte sequence, 0 for a continuation byte.
    static func utf16Units(lead: UInt8) -> Int {
        switch lead {
        case 0x80...0xBF: 0
        case 0xF0...0xF7: 2
        default: 1
        }
    }

    /// Bytes of the UTF-8 sequence a lead byte starts, never past `end` and at least 1 (a stray byte counts alone).
    static func sequenceLength(lead: UInt8, at offset: Int, end: Int, in bytes: [UInt8]) -> Int {
        let expected = switch lead {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 1
        }
        var length = 1
        while length < expected, offset + length < end, (0x80...0xBF).contains(bytes[offset + length]) { length += 1 }
        return length
    }
}

/// One open document: its text as the client last sent it, and the version the client gave it.
public struct TextDocument: Sendable {
    public let uri: String
    public var version: Int?
    public var languageId: String
    /// The text, UTF-8.
    public private(set) var bytes: [UInt8]

    public init(uri: String, version: Int?, languageId: String, text: String) {
        self.uri = uri
        self.version = version
        self.languageId = languageId
        self.bytes = Array(text.utf8)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Applies the `contentChanges` of one `didChange`, in order: each either replaces a range (positions in
    /// UTF-16 code units, as of the text after the changes before it) or, without a range, the whole text.
    public mutating func apply(_ changes: [JSONValue]) throws(RPCError) {
        for change in changes {
            guard let text = change["text"]?.stringValue else {
                throw .invalidParams("a content change has no text")
            }
            guard let rangeValue = change["range"], !rangeValue.isNull else {
                bytes = Array(text.utf8)
                continue
            }
            guard let range = TextRange(rangeValue) else {
                throw .invalidParams("a content change's range is not {start: {line, character}, end: {line, character}}")
            }
            let lines = LineTable(bytes)
            let start = lines.offset(of: range.start), end = lines.offset(of: range.end)
            bytes.replaceSubrange(min(start, end)..<max(start, end), with: text.utf8)
        }
    }
}
