/// Report text being written, as UTF-8 bytes: the machine formats write into one and hand it to their output in
/// pieces of about 32 KiB (``flushIfFull(to:)``), so a report is never held whole and escaping works on bytes,
/// not on characters.
///
/// ```swift
/// var text = ReportText()
/// text.append("<testcase name=\"")
/// text.appendXMLEscaped("a < b")
/// text.append("\"/>\n")
/// text.flush(to: &output)   // writes `<testcase name="a &lt; b"/>` and a line break
/// ```
struct ReportText {
    /// What has been written since the last flush.
    private(set) var bytes = ByteBuffer(capacity: 0)

    /// The size at which ``flushIfFull(to:)`` hands the text on.
    static let pieceSize = 1 << 15

    init() {
        bytes = ByteBuffer(capacity: Self.pieceSize + (1 << 12))
    }

    /// Text that reserves only `capacity` bytes: for many small pieces formatted at once (the text report's
    /// blocks), where a piece's worth each would add up.
    init(capacity: Int) {
        bytes = ByteBuffer(capacity: capacity)
    }

    /// The text written since the last flush, as a string.
    var string: String { bytes.withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether nothing has been written since the last flush.
    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text)
    }

    /// Text another writer made.
    mutating func append(_ other: ReportText) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// A decimal integer.
    mutating func append(_ value: Int) {
        guard value != 0 else { return bytes.append(UInt8(ascii: "0")) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes.reverse(from: start)
    }

    /// Drops what was written, keeping the storage.
    mutating func clear() {
        bytes.removeAll()
    }

    /// Hands everything written so far to `output`.
    mutating func flush(to output: inout some TextOutputStream) {
        guard !bytes.isEmpty else { return }
        output.write(string)
        clear()
    }

    /// Hands the text to `output` once it has grown to ``pieceSize``.
    mutating func flushIfFull(to output: inout some TextOutputStream) {
        if bytes.count >= Self.pieceSize { flush(to: &output) }
    }
}

extension ReportText {
    /// `text` in double quotes with every `"` doubled, as CSV fields are written.
    mutating func appendCSVQuoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            if utf8.contains(UInt8(ascii: "\"")) {
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
            } else {
                bytes.append(contentsOf: utf8)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `text` escaped as ``XML/escape(_:attribute:)`` escapes it, byte by byte: markup characters become
    /// entities, characters XML 1.0 cannot carry U+FFFD, and in attribute values line breaks and tabs
    /// character references. Every byte it changes is ASCII or a whole U+FFFE or U+FFFF (EF BF BE, EF BF BF),
    /// so multi-byte characters pass through intact.
    mutating func appendXMLEscaped(_ text: String, attribute: Bool = true) {
        var text = text
        text.withUTF8 { utf8 in
            // Most text needs no escape: append it whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0xEF }) else {
                return bytes.append(contentsOf: utf8)
            }
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                index += 1
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: Self.ampersand)
                case UInt8(ascii: "<"): bytes.append(contentsOf: Self.lessThan)
                case UInt8(ascii: ">"): bytes.append(contentsOf: Self.greaterThan)
                case UInt8(ascii: "\""): bytes.append(contentsOf: Self.quote)
                case UInt8(ascii: "\n"): if attribute { bytes.append(contentsOf: Self.lineFeed) } else { bytes.append(byte) }
                case UInt8(ascii: "\r"): bytes.append(contentsOf: Self.carriageReturn)
                case UInt8(ascii: "\t"): if attribute { bytes.append(contentsOf: Self.tab) } else { bytes.append(byte) }
                case ..<0x20: bytes.append(contentsOf: Self.replacementCharacter)
                case 0xEF where index + 1 < utf8.count && utf8[index] == 0xBF && (utf8[index + 1] == 0xBE || utf8[index + 1] == 0xBF):
                    bytes.append(contentsOf: Self.replacementCharacter)
                    index += 2
                default: bytes.append(byte)
                }
            }
        }
    }

    /// A line break and `indent` levels of two spaces.
    mutating func appendNewline(indent: Int) {
        let count = 1 + 2 * max(indent, 0)
        guard count <= Self.newlineAndSpaces.count else {
            bytes.append(UInt8(ascii: "\n"))
            return bytes.append(contentsOf: [UInt8](repeating: UInt8(ascii: " "), count: count - 1))
        }
        // One copy from a ready-made line start (appending spaces one by one cost a tenth of a large JSON report).
        Self.newlineAndSpaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// A line break followed by the spaces of 32 levels.
    private static let newlineAndSpaces: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 64)

    /// `text` as a JSON string literal: in double quotes, with `"`, `\\`, line breaks, tabs and the other
    /// control characters escaped (`\\u001b`); every other character as it is.
    mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Escapes are ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so bytes decide exactly.
            guard Self.needsJSONEscape(utf8) else {
                bytes.append(contentsOf: utf8)
                return bytes.append(UInt8(ascii: "\""))
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case ..<0x20:
                    bytes.append(contentsOf: Self.unicodeEscape)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Whether any byte of `utf8` is a control character, `"` or `\\`: eight bytes at a time (the last word
    /// overlapping the one before), byte by byte only for text shorter than eight bytes.
    static func needsJSONEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 8, let base = utf8.baseAddress else {
            return utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        // A byte below 0x20, or equal to 0x22 or 0x5C, sets its high bit in one of these (the usual "has a zero
        // byte" test: it never misses such a byte, and no other byte sets a high bit).
        func escapes(at offset: Int) -> Bool {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let control = (word &- (ones &* 0x20)) & ~word
            let quote = (quotes &- ones) & ~quotes
            let backslash = (backslashes &- ones) & ~backslashes
            return ((control | quote | backslash) & (ones &* 0x80)) != 0
        }
        var offset = 0
        while offset + 8 < utf8.count {
            if escapes(at: offset) { return true }
            offset += 8
        }
        return escapes(at: utf8.count - 8)
    }

    private static let unicodeEscape = Array("\\u00".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let lineFeed = Array("&#10;".utf8)
    private static let carriageReturn = Array("&#13;".utf8)
    private static let tab = Array("&#9;".utf8)
    private static let replacementCharacter = Array("\u{FFFD}".utf8)
}
