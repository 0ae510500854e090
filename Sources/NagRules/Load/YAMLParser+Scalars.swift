import CYAML

/// Tags, scalar typing and libyaml error messages for ``YAMLParser``.
extension YAMLTreeBuilder {
    /// What a tag on a node asks for.
    enum TagMeaning: Equatable {
        case intrinsic(IntrinsicName)
        /// `tag:yaml.org,2002:<name>` (written `!!name`).
        case standard(String)
        /// The non-specific tag `!`: a string scalar, or the collection as it is.
        case nonSpecific
    }

    static let standardPrefix = Array("tag:yaml.org,2002:".utf8)

    /// The meaning of a tag, remembered for the few distinct tags a template uses.
    mutating func tagMeaning(_ tag: UnsafeMutablePointer<yaml_char_t>, position: Position) throws -> TagMeaning {
        let length = strlen(UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: tag, count: length)
        for (known, meaning) in tagCache where known.count == length {
            if known.withUnsafeBufferPointer({ memcmp($0.baseAddress!, tag, length) == 0 }) { return meaning }
        }
        var meaning: TagMeaning
        do {
            meaning = try Self.tagMeaning(bytes, position: position)
        } catch let error as ParseError where bytes.first == UInt8(ascii: "!") && bytes.count > 1 && bytes[1] != UInt8(ascii: "!") {
            // A local tag CloudFormation does not know (a pre-processor's, such as !Rain::Embed): read the
            // value as if untagged and say so once per tag, rather than refuse the whole file.
            warnings.append(ParseError(
                message: "\(error.message): not a CloudFormation intrinsic (a pre-processor's tag?); the value is read without it",
                position: position))
            meaning = .nonSpecific
        }
        if tagCache.count < 64 { tagCache.append((Array(bytes), meaning)) }
        return meaning
    }

    static func tagMeaning(_ bytes: UnsafeBufferPointer<UInt8>, position: Position) throws -> TagMeaning {
        let length = bytes.count
        if length == 1 && bytes[0] == UInt8(ascii: "!") { return .nonSpecific }
        if length > standardPrefix.count && bytes.starts(with: standardPrefix) {
            return .standard(String(decoding: UnsafeBufferPointer(rebasing: bytes[standardPrefix.count...]),
                                    as: UTF8.self))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.first == UInt8(ascii: "!"), let name = IntrinsicName(yamlTag: text) {
            return .intrinsic(name)
        }
        throw ParseError(message: "unknown tag \(text)", position: position)
    }

    /// The intrinsic a tagged collection stands for, or nil for a plain collection tag.
    mutating func containerTag(_ tag: UnsafeMutablePointer<yaml_char_t>, kind: ContainerKind,
                             position: Position) throws -> IntrinsicName? {
        switch try tagMeaning(tag, position: position) {
        case .intrinsic(let name):
            return name
        case .nonSpecific:
            return nil
        case .standard(let name):
            if (name == "seq" && kind == .sequence) || (name == "map" && kind == .mapping) { return nil }
            throw ParseError(message: "the tag !!\(name) cannot be used on a \(kind == .sequence ? "sequence" : "mapping")",
                             position: position)
        }
    }

    /// Keys are plain text: intrinsic tags on them are an error.
    mutating func checkKeyTag(_ tag: UnsafeMutablePointer<yaml_char_t>, position: Position) throws {
        switch try tagMeaning(tag, position: position) {
        case .intrinsic(let name):
            throw ParseError(message: "a mapping key cannot be an intrinsic function (\(name))", position: position)
        case .standard(let name) where name == "seq" || name == "map":
            throw ParseError(message: "the tag !!\(name) cannot be used on a scalar", position: position)
        default:
            return
        }
    }

    /// `!GetAtt Resource.Attribute` as the list `[Resource, Attribute]`, split at the first dot here, where the
    /// two parts can be made from the bytes (and shared) without making the whole string first.
    /// ``Intrinsic/init(name:argument:)`` splits the same way; a scalar with no dot stays a string.
    private mutating func getAttArgument(_ text: UnsafeBufferPointer<UInt8>, at position: Position) -> Value {
        guard let dot = text.firstIndex(of: UInt8(ascii: ".")) else {
            return Value(.string(interner.string(text)), at: position)
        }
        let resource = UnsafeBufferPointer(rebasing: text[..<dot])
        let characters = resource.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        let attributePosition = Position(line: position.line, column: position.column + characters + 1)
        return Value(.list([
            Value(.string(interner.string(resource)), at: position),
            Value(.string(interner.string(UnsafeBufferPointer(rebasing: text[(dot + 1)...]))), at: attributePosition),
        ]), at: position)
    }

    /// Types a scalar: by its tag when it has one, by PyYAML's YAML 1.1 resolvers when plain, else a string.
    mutating func scalarValue(text: UnsafeBufferPointer<UInt8>, tag: UnsafeMutablePointer<yaml_char_t>?,
                            style: yaml_scalar_style_t, position: Position,
                            contentPosition: Position) throws -> Value {
        guard let tag else {
            guard style == YAML_PLAIN_SCALAR_STYLE else {
                return Value(.string(interner.string(text)), at: contentPosition)
            }
            switch PlainScalar.resolve(text) {
            case .null: return Value(.null, at: contentPosition)
            case .bool(let b): return Value(.bool(b), at: contentPosition)
            case .number: return Value(.number(String(decoding: text, as: UTF8.self)), at: contentPosition)
            case .string, .merge: return Value(.string(interner.string(text)), at: contentPosition)
            }
        }
        switch try tagMeaning(tag, position: position) {
        case .intrinsic(let name):
            let argument = name == .getAtt
                ? getAttArgument(text, at: contentPosition)
                : Value(.string(interner.string(text)), at: contentPosition)
            return .intrinsic(Intrinsic(name: name, argument: argument), at: position, countingInto: &referenceEstimate)
        case .nonSpecific:
            return Value(.string(String(decoding: text, as: UTF8.self)), at: contentPosition)
        case .standard(let name):
            let resolved = PlainScalar.resolve(text)
            switch name {
            case "str", "binary", "timestamp":
                return Value(.string(String(decoding: text, as: UTF8.self)), at: contentPosition)
            case "int", "float":
                guard resolved == .number else {
                    throw ParseError(message: "\"\(String(decoding: text, as: UTF8.self))\" is not a valid !!\(name)", position: contentPosition)
                }
                return Value(.number(String(decoding: text, as: UTF8.self)), at: contentPosition)
            case "bool":
                guard case .bool(let b) = resolved else {
                    throw ParseError(message: "\"\(String(decoding: text, as: UTF8.self))\" is not a valid !!bool", position: contentPosition)
                }
                return Value(.bool(b), at: contentPosition)
            case "null":
                return Value(.null, at: contentPosition)
            case "seq", "map":
                throw ParseError(message: "the tag !!\(name) cannot be used on a scalar", position: position)
            default:
                throw ParseError(message: "unknown tag !!\(name)", position: position)
            }
        }
    }
}

/// PyYAML's implicit resolvers (YAML 1.1), which cfn-lint uses to type plain scalars.
enum PlainScalar: Equatable {
    case null
    case bool(Bool)
    case number
    case string
    /// `<<`, the merge key.
    case merge

    static func resolve(_ b: UnsafeBufferPointer<UInt8>) -> PlainScalar {
        guard let first = b.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return b.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if matches(b, "null", "Null", "NULL") { return .null }
            if matches(b, "no", "No", "NO") { return .bool(false) }
            return .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return matches(b, "yes", "Yes", "YES") ? .bool(true) : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(b, "true", "True", "TRUE") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(b, "false", "False", "FALSE") ? .bool(false) : .string
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if matches(b, "on", "On", "ON") { return .bool(true) }
            if matches(b, "off", "Off", "OFF") { return .bool(false) }
            return .string
        case UInt8(ascii: "<"):
            return b.count == 2 && b[1] == UInt8(ascii: "<") ? .merge : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return isInt(b) || isFloat(b) ? .number : .string
        default:
            return .string
        }
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ words: StaticString...) -> Bool {
        for word in words where word.utf8CodeUnitCount == b.count {
            if memcmp(word.utf8Start, b.baseAddress!, b.count) == 0 { return true }
        }
        return false
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static let underscore = UInt8(ascii: "_")

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    static func isInt(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { i = 1 }
        guard i < n, isDigit(b[i]) else { return false }
        if b[i] == UInt8(ascii: "0") {
            if i + 1 == n { return true }
            let marker = b[i + 1]
            if marker == UInt8(ascii: "b") {
                return i + 2 < n && b[(i + 2)...].allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == underscore }
            }
            if marker == UInt8(ascii: "x") {
                return i + 2 < n && b[(i + 2)...].allSatisfy {
                    isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == underscore
                }
            }
            return b[(i + 1)...].allSatisfy { ($0 >= 0x30 && $0 <= 0x37) || $0 == underscore }
        }
        i += 1
        while i < n && (isDigit(b[i]) || b[i] == underscore) { i += 1 }
        if i == n { return true }
        guard b[i] == UInt8(ascii: ":") else { return false }
        i = skipSexagesimal(b, from: i)
        return i == n
    }

    /// `(:[0-5]?[0-9])+` from `i` (which is at a colon); returns where it stopped, or -1 when it did not match.
    private static func skipSexagesimal(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = b.count
        var groups = 0
        while i < n && b[i] == UInt8(ascii: ":") {
            guard i + 1 < n, isDigit(b[i + 1]) else { return -1 }
            if i + 2 < n && isDigit(b[i + 2]) && b[i + 1] <= UInt8(ascii: "5") {
                i += 3
            } else {
                i += 2
            }
            groups += 1
        }
        return groups > 0 ? i : -1
    }

    /// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)?
    ///  | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        let signed = b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")
        if signed { i = 1 }
        guard i < n else { return false }
        if b[i] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: b[(i + 1)...])
            if matches(rest, "inf", "Inf", "INF") { return true }
            if signed { return false }
            if matches(rest, "nan", "NaN", "NAN") { return true }
            i += 1
            guard i < n, isDigit(b[i]) else { return false }
            while i < n && (isDigit(b[i]) || b[i] == underscore) { i += 1 }
            return exponentEnds(b, at: i)
        }
        guard isDigit(b[i]) else { return false }
        i += 1
        while i < n && (isDigit(b[i]) || b[i] == underscore) { i += 1 }
        guard i < n else { return false }
        if b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && (isDigit(b[i]) || b[i] == underscore) { i += 1 }
            return exponentEnds(b, at: i)
        }
        guard b[i] == UInt8(ascii: ":") else { return false }
        i = skipSexagesimal(b, from: i)
        guard i >= 0, i < n, b[i] == UInt8(ascii: ".") else { return false }
        i += 1
        while i < n && (isDigit(b[i]) || b[i] == underscore) { i += 1 }
        return i == n
    }

    /// At the end, or at `[eE][-+][0-9]+` running to the end.
    private static func exponentEnds(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let n = b.count
        if start == n { return true }
        guard b[start] | 0x20 == UInt8(ascii: "e"), start + 2 < n,
              b[start + 1] == UInt8(ascii: "-") || b[start + 1] == UInt8(ascii: "+") else { return false }
        return b[(start + 2)...].allSatisfy(isDigit)
    }
}

extension YAMLParser {
    /// A libyaml failure as a ``ParseError`` at the place libyaml reports.
    static func libyamlError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> ParseError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return ParseError(message: "YAML parser ran out of memory", position: .start)
        case YAML_READER_ERROR:
            let offset = min(Int(parser.problem_offset), input.count)
            let position = bytePosition(offset, in: input)
            let value = parser.problem_value
            let detail = value >= 0 ? " (byte 0x\(String(value, radix: 16, uppercase: true)))" : ""
            if problem.contains("UTF-8") || problem.contains("UTF-16") {
                return ParseError(message: "invalid UTF-8 in YAML file: \(problem)\(detail)", position: position)
            }
            return ParseError(message: "YAML syntax error: \(problem)\(detail)", position: position)
        default:
            let position = Position(parser.problem_mark)
            let offset = Int(parser.problem_mark.index)
            if problem.contains("cannot start any token"), offset >= 0, offset < input.count, input[offset] == UInt8(ascii: "\t") {
                return ParseError(message: "a tab character here: YAML is indented with spaces only, never tabs "
                                      + "(replace the tabs at the start of this line with spaces)", position: position)
            }
            guard let context = parser.context.map({ String(cString: $0) }) else {
                return ParseError(message: "YAML syntax error: \(problem)", position: position)
            }
            let contextPosition = Position(parser.context_mark)
            return ParseError(
                message: "YAML syntax error: \(problem) (\(context) at line \(contextPosition.line), "
                    + "column \(contextPosition.column))",
                position: position,
                related: contextPosition == position ? [] : [contextPosition])
        }
    }

    /// The line and column of a byte offset, counting columns in characters as libyaml does.
    static func bytePosition(_ offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Position {
        var line = 1
        var column = 1
        var i = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < offset {
            let byte = input[i]
            if byte == 0x0A || (byte == 0x0D && (i + 1 >= input.count || input[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            i += 1
        }
        return Position(line: line, column: column)
    }
}
