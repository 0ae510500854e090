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
    private(set) var bytes: [UInt8] = []

    /// The size at which ``flushIfFull(to:)`` hands the text on.
    static let pieceSize = 1 << 15

    init() {
        bytes.reserveCapacity(Self.pieceSize + (1 << 12))
    }

    /// Text that reserves only `capacity` bytes: for many small pieces formatted at once (the text report's
    /// blocks), where a piece's worth each would add up.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written since the last flush, as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether nothing has been written since the last flush.
    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
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
        bytes[start...].reverse()
    }

    /// Drops what was written, keeping the storage.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
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
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// `text` as a JSON string literal: in double quotes, with `"`, `\\`, line breaks, tabs and the other
    /// control characters escaped (`\\u001b`); every other character as it is.
    mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Escapes are ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so bytes decide exactly.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
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
