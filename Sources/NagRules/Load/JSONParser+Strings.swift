/// String literals for ``JSONParser``: a fast path for plain ASCII, escapes, and UTF-8 validation.
extension JSONParser {
    /// Parses a string starting at its opening quote; returns its contents and sets ``lastStringIsASCII`` and
    /// ``lastStringNumber``.
    ///
    /// A string without escapes, ASCII or not, is read in place: its UTF-8 is checked as it is scanned and the
    /// string is taken from ``strings``, which builds each distinct one once. Only escapes need a copy. (Building
    /// even a short string directly, which would need no table, costs about twice a look-up that finds it.)
    mutating func parseString() throws -> String {
        lastStringIsASCII = true
        let openPosition = position
        offset += 1
        let contentStart = offset
        // The table's hash of the bytes the first word scan stepped over, when it stopped at a special byte.
        var hash = JSONStringTable.seed
        var hashed = false
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                let special = Self.specialBytes(word)
                if special != 0 {
                    let before = special.trailingZeroBitCount >> 3
                    if before > 0 { hash = JSONStringTable.mix(hash, word & ((1 << UInt64(before * 8)) - 1)) }
                    offset += before
                    hashed = true
                    break
                }
                hash = JSONStringTable.mix(hash, word)
                offset += 8
            }
        }
        if hashed, offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
            // Plain ASCII up to the closing quote: the common case.
            let (text, number) = strings.string(bytes, from: contentStart, to: offset,
                                                hash: JSONStringTable.finish(hash, length: offset - contentStart))
            lastStringNumber = number
            offset += 1
            return text
        }
        scan: while true {
            // Plain ASCII, eight bytes at a time up to the first special byte.
            if let base = bytes.baseAddress {
                while offset + 8 <= bytes.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                    let special = Self.specialBytes(word)
                    if special != 0 {
                        offset += special.trailingZeroBitCount >> 3
                        break
                    }
                    offset += 8
                }
            }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    let (text, number) = strings.string(bytes, from: contentStart, to: offset)
                    lastStringNumber = lastStringIsASCII ? number : -1
                    offset += 1
                    return text
                }
                if byte >= 0x80 {
                    let length = try validateUTF8Sequence()
                    offset += length
                    lineExtraBytes += length - 1
                    lastStringIsASCII = false
                    continue scan
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break scan }
                offset += 1
            }
            throw ParseError(message: "unterminated string: the file ends before its closing quote", position: openPosition)
        }
        lastStringIsASCII = false
        lastStringNumber = -1
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

    /// The top bit set in each of the eight bytes (first byte lowest) that is a quote, a backslash, a control
    /// character or not ASCII, using the tricks of "Bit Twiddling Hacks" (`x - 0x01…` borrows into the top bit
    /// of a zero byte). A borrow can mark a byte above a marked one, never below, so the lowest mark is exact.
    @inline(__always) private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control | word) & high
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
