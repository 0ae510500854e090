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

    /// UTF-8 text as it is.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(contentsOf: bytes)
    }

    @inline(__always) mutating func append(byte: UInt8) {
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
        if let sink = output as? UTF8Sink {
            bytes.withBytes { sink.write(utf8: $0) }
        } else {
            output.write(string)
        }
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

    /// A line break and `indent` levels of two spaces, written in place.
    mutating func appendNewline(indent: Int) {
        let spaces = 2 * max(indent, 0)
        bytes.write(upTo: 1 + spaces) { target in
            target.pointee = UInt8(ascii: "\n")
            (target + 1).initialize(repeating: UInt8(ascii: " "), count: spaces)
            return 1 + spaces
        }
    }

    /// `text` as a JSON string literal: in double quotes, with `"`, `\\`, line breaks, tabs and the other
    /// control characters escaped (`\\u001b`); every other character as it is.
    mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Most strings need no escape: they are copied whole, eight bytes at a time, as they are checked.
            var copied = 0
            bytes.write(upTo: utf8.count + 2) { target in
                target.pointee = UInt8(ascii: "\"")
                copied = Self.copyUntilEscape(utf8, to: target + 1)
                guard copied == utf8.count else { return 1 + copied }
                target[1 + copied] = UInt8(ascii: "\"")
                return 2 + copied
            }
            if copied < utf8.count { appendEscaping(utf8, from: copied) }
        }
    }

    /// An object member's key on a line of its own, `indent` levels in, after a comma when `comma`:
    /// `,\n    "key": `, written in place in one piece (the JSON report writes a key per member of every finding).
    mutating func appendMemberKey(_ name: String, comma: Bool, indent: Int) {
        var name = name
        name.withUTF8 { utf8 in
            let spaces = 2 * max(indent, 0)
            var copied = 0
            bytes.write(upTo: (comma ? 2 : 1) + spaces + utf8.count + 4) { target in
                let start = Self.writeKeyLead(at: target, comma: comma, spaces: spaces)
                copied = Self.copyUntilEscape(utf8, to: start)
                guard copied == utf8.count else { return start - target + copied }
                return Self.writeKeyEnd(at: start + copied) - target
            }
            guard copied < utf8.count else { return }
            appendEscaping(utf8, from: copied)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// As ``appendMemberKey(_:comma:indent:)``, for a key written in the program: it must need no escape.
    mutating func appendMemberKey(_ name: StaticString, comma: Bool, indent: Int) {
        name.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "\(name) needs escapes")
            let spaces = 2 * max(indent, 0)
            bytes.write(upTo: (comma ? 2 : 1) + spaces + utf8.count + 4) { target in
                let start = Self.writeKeyLead(at: target, comma: comma, spaces: spaces)
                if let name = utf8.baseAddress { start.initialize(from: name, count: utf8.count) }
                return Self.writeKeyEnd(at: start + utf8.count) - target
            }
        }
    }

    /// Writes `,` (when `comma`), a line break, `spaces` spaces and the opening quote of a key at `target`;
    /// returns where the key's text goes.
    @inline(__always)
    private static func writeKeyLead(at target: UnsafeMutablePointer<UInt8>, comma: Bool, spaces: Int) -> UnsafeMutablePointer<UInt8> {
        var next = target
        if comma {
            next.pointee = UInt8(ascii: ",")
            next += 1
        }
        next.pointee = UInt8(ascii: "\n")
        (next + 1).initialize(repeating: UInt8(ascii: " "), count: spaces)
        next += 1 + spaces
        next.pointee = UInt8(ascii: "\"")
        return next + 1
    }

    /// Writes the closing quote, colon and space of a key at `target`; returns the end of what it wrote.
    @inline(__always)
    private static func writeKeyEnd(at target: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        target[0] = UInt8(ascii: "\"")
        target[1] = UInt8(ascii: ":")
        target[2] = UInt8(ascii: " ")
        return target + 3
    }

    /// The rest of a JSON string literal from `offset`, escaping what must be, and its closing quote.
    /// Escapes are ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so bytes decide exactly.
    private mutating func appendEscaping(_ utf8: UnsafeBufferPointer<UInt8>, from offset: Int) {
        for byte in UnsafeBufferPointer(rebasing: utf8[offset...]) {
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

    /// Copies `source` to `target` up to the first byte JSON must escape (a control character, `"` or `\\`) and
    /// returns how many bytes it copied: all of them when none needs an escape. Eight bytes at a time, then byte
    /// by byte from the word that holds the first escape (or for the last few bytes).
    static func copyUntilEscape(_ source: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = source.baseAddress else { return 0 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        var offset = 0
        while offset + 8 <= source.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            // A byte below 0x20, or equal to 0x22 or 0x5C, sets its high bit in one of these (the usual "has a
            // zero byte" test: it never misses such a byte, and no word without one sets a high bit).
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let control = (word &- (ones &* 0x20)) & ~word
            let quote = (quotes &- ones) & ~quotes
            let backslash = (backslashes &- ones) & ~backslashes
            if (control | quote | backslash) & (ones &* 0x80) != 0 { break }
            UnsafeMutableRawPointer(target + offset).storeBytes(of: word, as: UInt64.self)
            offset += 8
        }
        while offset < source.count {
            let byte = base[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            target[offset] = byte
            offset += 1
        }
        return offset
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
