import NagRules

/// How far the value nag points at runs, in the document's text.
///
/// nag locates a finding by where something starts: a key (`BucketEncryption:`), a logical id, a scalar. The
/// editor wants a range, so this reads the text from that start: a quoted scalar to its closing quote, a
/// plain one to the end of its token; a key together with its value when the value is a scalar (or a flow
/// collection closed) on the same line, so `Encrypted: false` is underlined whole while a key whose value is a
/// block below is underlined alone. The range never leaves the line it starts on.
enum ValueExtent {
    /// The byte range of the token at `offset` (at least one character when the line has one).
    static func range(at offset: Int, in lines: LineTable) -> Range<Int> {
        let bytes = lines.bytes
        guard offset < bytes.count else { return offset..<offset }
        let lineEnd = lines.end(ofLine: lines.position(ofOffset: offset).line)
        guard offset < lineEnd else { return offset..<offset }
        var end = tokenEnd(from: offset, lineEnd: lineEnd, bytes: bytes)
        // A key: take the value written after it on the same line.
        var index = skipSpaces(from: end, lineEnd: lineEnd, bytes: bytes)
        if index < lineEnd, bytes[index] == UInt8(ascii: ":") {
            index = skipSpaces(from: index + 1, lineEnd: lineEnd, bytes: bytes)
            if index < lineEnd, !"#|>&*".utf8.contains(bytes[index]) {
                let valueEnd = tokenEnd(from: index, lineEnd: lineEnd, bytes: bytes)
                if valueEnd > index { end = valueEnd }
            }
        }
        return offset..<max(end, min(offset + 1, lineEnd))
    }

    /// The end of the token starting at `start`: a quoted scalar, a flow collection closed on this line (else
    /// its opening bracket alone), or a plain scalar or key.
    static func tokenEnd(from start: Int, lineEnd: Int, bytes: [UInt8]) -> Int {
        switch bytes[start] {
        case UInt8(ascii: "\""): return quotedEnd(from: start, lineEnd: lineEnd, bytes: bytes, escape: UInt8(ascii: "\\"))
        case UInt8(ascii: "'"): return quotedEnd(from: start, lineEnd: lineEnd, bytes: bytes, escape: nil)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return flowEnd(from: start, lineEnd: lineEnd, bytes: bytes) ?? start + 1
        default: return plainEnd(from: start, lineEnd: lineEnd, bytes: bytes)
        }
    }

    /// After the closing quote; `escape` nil means a doubled quote is the escape (YAML's single quotes).
    private static func quotedEnd(from start: Int, lineEnd: Int, bytes: [UInt8], escape: UInt8?) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < lineEnd {
            let byte = bytes[index]
            if let escape, byte == escape {
                index += 2
                continue
            }
            if byte == quote {
                if escape == nil, index + 1 < lineEnd, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return lineEnd
    }

    /// After the bracket that closes the one at `start`, when it is on the same line.
    private static func flowEnd(from start: Int, lineEnd: Int, bytes: [UInt8]) -> Int? {
        var depth = 0, index = start
        while index < lineEnd {
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = quotedEnd(from: index, lineEnd: lineEnd, bytes: bytes, escape: bytes[index] == UInt8(ascii: "\"") ? UInt8(ascii: "\\") : nil)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// A plain scalar ends at `: ` (or `:` at the end of the line), ` #`, a flow indicator, or the line's end;
    /// trailing spaces are not part of it.
    private static func plainEnd(from start: Int, lineEnd: Int, bytes: [UInt8]) -> Int {
        var index = start
        while index < lineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":"), index + 1 == lineEnd || bytes[index + 1] == 32 || bytes[index + 1] == 9 { break }
            if byte == UInt8(ascii: "#"), index > start, bytes[index - 1] == 32 || bytes[index - 1] == 9 { break }
            if byte == UInt8(ascii: ","), index > start { break }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]"), index > start { break }
            index += 1
        }
        while index > start, bytes[index - 1] == 32 || bytes[index - 1] == 9 { index -= 1 }
        return index
    }

    private static func skipSpaces(from start: Int, lineEnd: Int, bytes: [UInt8]) -> Int {
        var index = start
        while index < lineEnd, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        return index
    }
}

extension LineTable {
    /// The range of what nag's position (1-based line, column in Unicode scalars) points at.
    func range(of position: Position) -> TextRange {
        let bytes = ValueExtent.range(at: offset(line: position.line, column: position.column), in: self)
        return TextRange(start: self.position(ofOffset: bytes.lowerBound), end: self.position(ofOffset: bytes.upperBound))
    }
}
