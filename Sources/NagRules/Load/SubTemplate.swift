/// The string argument of `Fn::Sub`, split into literal text and `${…}` references.
///
/// `${Name}` refers to a parameter, resource, pseudo parameter or variable; `${Name.Attr}` is a
/// `GetAtt` (split at the first dot, so `${Db.Endpoint.Address}` is attribute `Endpoint.Address` of `Db`);
/// `${!Literal}` is the literal text `${Literal}`.
package struct SubTemplate: Sendable, Equatable {
    package enum Part: Sendable, Equatable {
        case literal(String)
        case reference(name: String, attribute: String?)
    }

    package var parts: [Part]

    package init(parts: [Part]) { self.parts = parts }

    package init(parsing text: String) {
        if let parts = Self.asciiParts(of: text) {
            self.parts = parts
            return
        }
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            literal += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                literal += rest[open.lowerBound...]
                rest = ""
                break
            }
            let body = afterOpen[..<close]
            if body.hasPrefix("!") {
                literal += "${" + body.dropFirst() + "}"
            } else {
                let trimmed = body.trimmingSpaces
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                if let dot = trimmed.firstIndex(of: ".") {
                    parts.append(.reference(name: String(trimmed[..<dot]),
                                            attribute: String(trimmed[trimmed.index(after: dot)...])))
                } else {
                    parts.append(.reference(name: String(trimmed), attribute: nil))
                }
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The parts of an ASCII text, found on its bytes (the same parts the character-by-character reading finds,
    /// several times faster: every `Fn::Sub` string is read by the graph and again by the resolver); nil for
    /// text with other characters, where a combining mark after `{` or `}` changes what a character is.
    private static func asciiParts(of text: String) -> [Part]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [Part]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            let bang = UInt8(ascii: "!"), space = UInt8(ascii: " "), dot = UInt8(ascii: ".")
            var parts: [Part] = []
            var literal = ""
            var index = 0, restStart = 0
            while index + 1 < bytes.count {
                guard bytes[index] == dollar, bytes[index + 1] == open else {
                    index += 1
                    continue
                }
                literal += string(restStart..<index)
                let bodyStart = index + 2
                guard let bodyEnd = bytes[bodyStart...].firstIndex(of: close) else {
                    literal += string(index..<bytes.count)
                    restStart = bytes.count
                    break
                }
                if bodyStart < bodyEnd, bytes[bodyStart] == bang {
                    literal += "${" + string((bodyStart + 1)..<bodyEnd) + "}"
                } else {
                    var low = bodyStart, high = bodyEnd
                    while low < high, bytes[low] == space { low += 1 }
                    while high > low, bytes[high - 1] == space { high -= 1 }
                    if !literal.isEmpty {
                        parts.append(.literal(literal))
                        literal = ""
                    }
                    if let separator = bytes[low..<high].firstIndex(of: dot) {
                        parts.append(.reference(name: string(low..<separator), attribute: string((separator + 1)..<high)))
                    } else {
                        parts.append(.reference(name: string(low..<high), attribute: nil))
                    }
                }
                index = bodyEnd + 1
                restStart = index
            }
            literal += string(restStart..<bytes.count)
            if !literal.isEmpty { parts.append(.literal(literal)) }
            return parts
        } ?? nil
    }

    /// The names referenced, in order (`Name` for both `${Name}` and `${Name.Attr}`).
    package var referencedNames: [String] {
        parts.compactMap { if case .reference(let name, _) = $0 { name } else { nil } }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return s
    }
}
