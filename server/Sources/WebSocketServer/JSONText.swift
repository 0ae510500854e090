import NIOCore

/// The JSON the server writes: greeting and broadcast envelopes.
///
/// No Foundation: validation is a small RFC 8259 checker over the UTF-8 bytes, and the
/// envelope is assembled directly into a `ByteBuffer` that every recipient shares.
public enum JSONText {
    /// Nesting deeper than this is treated as "not JSON" (the message is then sent as a string),
    /// so a hostile message cannot make validation expensive.
    public static let maxDepth = 512

    /// `{"connection":"ok"}`
    public static let greeting = #"{"connection":"ok"}"#

    /// `{"message": m}` where m is the message itself when it is valid JSON, otherwise the
    /// message as a JSON string. The result is always valid JSON.
    public static func envelope(for message: String, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        let prefix = #"{"message":"#
        if isValid(message) {
            var buffer = allocator.buffer(capacity: prefix.utf8.count + message.utf8.count + 1)
            buffer.writeString(prefix)
            buffer.writeString(message)
            buffer.writeInteger(UInt8(ascii: "}"))
            return buffer
        }
        var buffer = allocator.buffer(capacity: prefix.utf8.count + message.utf8.count + 3)
        buffer.writeString(prefix)
        writeQuoted(message, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "}"))
        return buffer
    }

    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var buffer = ByteBufferAllocator().buffer(capacity: s.utf8.count + 2)
        writeQuoted(s, into: &buffer)
        return String(buffer: buffer)
    }

    static func writeQuoted(_ s: String, into buffer: inout ByteBuffer) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        buffer.writeInteger(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 0x0A: buffer.writeStaticString("\\n")
            case 0x0D: buffer.writeStaticString("\\r")
            case 0x09: buffer.writeStaticString("\\t")
            case 0x08: buffer.writeStaticString("\\b")
            case 0x0C: buffer.writeStaticString("\\f")
            case 0x00..<0x20:
                buffer.writeStaticString("\\u00")
                buffer.writeInteger(hex[Int(byte >> 4)])
                buffer.writeInteger(hex[Int(byte & 0x0F)])
            default:
                // Everything else, multi-byte UTF-8 included, is legal inside a JSON string.
                buffer.writeInteger(byte)
            }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    /// Whether `text` is one complete JSON value (RFC 8259), optionally surrounded by whitespace.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var parser = Validator(bytes: bytes)
            return parser.validateDocument()
        }
    }

    private struct Validator {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        enum Container { case array, object }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func consumeLiteral(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let start = literal.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] {
                return false
            }
            index += count
            return true
        }

        /// Iterative so that nesting depth costs heap, not stack.
        mutating func validateDocument() -> Bool {
            var stack: [Container] = []
            skipWhitespace()
            // Each pass parses one value, then unwinds as many containers as it closes.
            while true {
                skipWhitespace()
                guard let byte = peek else { return false }
                switch byte {
                case UInt8(ascii: "{"):
                    guard stack.count < JSONText.maxDepth else { return false }
                    index += 1
                    skipWhitespace()
                    if consume(UInt8(ascii: "}")) {
                        break  // empty object is a complete value
                    }
                    stack.append(.object)
                    guard parseKeyAndColon() else { return false }
                    continue
                case UInt8(ascii: "["):
                    guard stack.count < JSONText.maxDepth else { return false }
                    index += 1
                    skipWhitespace()
                    if consume(UInt8(ascii: "]")) {
                        break
                    }
                    stack.append(.array)
                    continue
                case UInt8(ascii: "\""):
                    guard parseString() else { return false }
                case UInt8(ascii: "t"):
                    guard consumeLiteral("true") else { return false }
                case UInt8(ascii: "f"):
                    guard consumeLiteral("false") else { return false }
                case UInt8(ascii: "n"):
                    guard consumeLiteral("null") else { return false }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard parseNumber() else { return false }
                default:
                    return false
                }
                // A value is complete: close containers or move to the next element.
                while true {
                    skipWhitespace()
                    guard let container = stack.last else {
                        return index == bytes.count
                    }
                    if consume(UInt8(ascii: ",")) {
                        if container == .object {
                            skipWhitespace()
                            guard parseKeyAndColon() else { return false }
                        }
                        break  // parse the next value
                    }
                    let closer = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    guard consume(closer) else { return false }
                    stack.removeLast()
                }
            }
        }

        mutating func parseKeyAndColon() -> Bool {
            guard peek == UInt8(ascii: "\""), parseString() else { return false }
            skipWhitespace()
            return consume(UInt8(ascii: ":"))
        }

        mutating func parseString() -> Bool {
            guard consume(UInt8(ascii: "\"")) else { return false }
            while let byte = peek {
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return true
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { return false }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    case UInt8(ascii: "u"):
                        for _ in 0..<4 {
                            guard let hex = peek, isHexDigit(hex) else { return false }
                            index += 1
                        }
                    default:
                        return false
                    }
                case 0x00..<0x20:
                    return false  // control characters must be escaped
                default:
                    continue  // the input is a Swift String, so its UTF-8 is already valid
                }
            }
            return false
        }

        func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        mutating func parseDigits() -> Bool {
            var count = 0
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                index += 1
                count += 1
            }
            return count > 0
        }

        mutating func parseNumber() -> Bool {
            _ = consume(UInt8(ascii: "-"))
            if consume(UInt8(ascii: "0")) {
                // no leading zeros
            } else {
                guard let byte = peek, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) else { return false }
                _ = parseDigits()
            }
            if consume(UInt8(ascii: ".")) {
                guard parseDigits() else { return false }
            }
            if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
                if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
                guard parseDigits() else { return false }
            }
            return true
        }
    }
}
