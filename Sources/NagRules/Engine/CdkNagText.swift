/// Text forms of template values that cdk-nag's rules compare against, reproduced exactly so granular
/// finding ids and name matching agree with cdk-nag (and users' existing `applies_to` keep matching).
package enum CdkNagText {
    /// cdk-nag's `flattenCfnReference`: `${X}` becomes `<X>`, `Ref` `<X>`, `Fn::GetAtt` `<X.Attr>`,
    /// `Fn::Join` joins, `Fn::Sub` and `Fn::ImportValue` flatten their argument; anything else is written as
    /// compact JSON.
    package static func flatten(_ value: Value?) -> String {
        guard let value else { return "" }
        switch value.kind {
        case .string(let s):
            return s.replacingAll("${", with: "<").replacingAll("}", with: ">")
        case .intrinsic(let f):
            switch f.name {
            case .join:
                let args = f.arguments
                if args.count == 2, let items = args[1].listValue {
                    return items.map(flatten).joined(separator: args[0].stringValue ?? stringify(args[0]))
                }
            case .sub, .importValue:
                return flatten(f.argument)
            case .getAtt:
                let args = f.arguments
                if args.count >= 2 { return "<\(flatten(args[0])).\(flatten(args[1]))>" }
            case .ref:
                return "<\(flatten(f.argument))>"
            default:
                break
            }
            return stringify(value)
        default:
            return stringify(value)
        }
    }

    /// `JSON.stringify` of the value as cdk-nag sees it: compact, intrinsics in their long form.
    package static func stringify(_ value: Value?) -> String {
        guard let value else { return "" }
        return json(value).rendered(pretty: false)
    }

    static func json(_ value: Value) -> JSONNode {
        switch value.kind {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .list(let items): .array(items.map(json))
        case .map(let map): .object(map.entries.map { ($0.key, json($0.value)) })
        case .intrinsic(let f): .object([(f.name.rawValue, json(f.argument))])
        }
    }

    /// Whether `text` contains `name` at a place not followed by a word character or `-`
    /// (the `name(?![\w-])` test cdk-nag uses to match a logical id or bucket name inside a string).
    package static func containsName(_ name: String, in text: String, allowingHyphen: Bool = false) -> Bool {
        occurrences(of: name, in: text, allowingHyphen: allowingHyphen).first != nil
    }

    /// End indexes of each occurrence of `name` that is not followed by `[\w-]` (or `[\w]`).
    static func occurrences(of name: String, in text: String, allowingHyphen: Bool = false) -> [String.Index] {
        guard !name.isEmpty else { return [] }
        if let starts = text.asciiMatchOffsets(of: name, overlapping: true) {
            let utf8 = text.utf8, length = name.utf8.count
            return starts.compactMap { start -> String.Index? in
                let end = utf8.index(utf8.startIndex, offsetBy: start + length)
                let next = end < text.endIndex ? text[end] : nil
                let blocked = next.map { $0.isLetter || $0.isNumber || $0 == "_" || (!allowingHyphen && $0 == "-") } ?? false
                return blocked ? nil : end
            }
        }
        var ends: [String.Index] = []
        var rest = text[...]
        while let range = rest.firstRange(of: name) {
            let next = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let blocked = next.map { $0.isLetter || $0.isNumber || $0 == "_" || (!allowingHyphen && $0 == "-") } ?? false
            if !blocked { ends.append(range.upperBound) }
            rest = text[text.index(after: range.lowerBound)...]
        }
        return ends
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        // Quick exact rejection for an ASCII target (the common case, a string without `${`): a character
        // match implies a byte match, so no byte match means nothing to replace.
        if target.utf8.allSatisfy({ $0 < 0x80 }), !utf8.containsBytes(of: target) { return self }
        guard contains(target) else { return self }
        return splitting(by: target).joined(separator: replacement)
    }
}

extension String {
    /// Where `needle` starts in this string, as UTF-8 offsets, scanning from the start and resuming one byte
    /// after each match (`overlapping`) or after its end. Nil unless both strings are ASCII: then a byte match
    /// is exactly a character match, and callers use this as the fast form of `firstRange(of:)` in a loop.
    func asciiMatchOffsets(of needle: String, overlapping: Bool) -> [Int]? {
        needle.utf8.withContiguousStorageIfAvailable { pattern -> [Int]? in
            guard let first = pattern.first, pattern.allSatisfy({ $0 < 0x80 }) else { return nil }
            return utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                var offsets: [Int] = []
                var i = 0
                while i + pattern.count <= bytes.count {
                    if bytes[i] == first, UnsafeBufferPointer(rebasing: bytes[i..<(i + pattern.count)]).elementsEqual(pattern) {
                        offsets.append(i)
                        i += overlapping ? 1 : pattern.count
                    } else {
                        i += 1
                    }
                }
                return offsets
            } ?? nil
        } ?? nil
    }
}

extension String.UTF8View {
    /// Whether `needle`'s UTF-8 bytes occur contiguously in these bytes. A string without contiguous UTF-8
    /// storage (a bridged one) answers true: callers use this only to skip work, never to decide.
    func containsBytes(of needle: String) -> Bool {
        guard needle.utf8.withContiguousStorageIfAvailable({ _ in true }) == true,
              withContiguousStorageIfAvailable({ _ in true }) == true else { return true }
        return firstByteOffset(of: needle) != nil
    }

    /// The UTF-8 offset where `needle`'s bytes first occur in these bytes, or nil when they do not (or either
    /// string lacks contiguous UTF-8 storage). For an ASCII needle a match is always at a character
    /// boundary, since ASCII bytes never occur inside a longer UTF-8 sequence.
    func firstByteOffset(of needle: String) -> Int? {
        needle.utf8.withContiguousStorageIfAvailable { pattern -> Int? in
            guard let first = pattern.first else { return 0 }
            return withContiguousStorageIfAvailable { bytes -> Int? in
                guard bytes.count >= pattern.count else { return nil }
                var i = 0
                let last = bytes.count - pattern.count
                while i <= last {
                    if bytes[i] == first, UnsafeBufferPointer(rebasing: bytes[i..<(i + pattern.count)]).elementsEqual(pattern) {
                        return i
                    }
                    i += 1
                }
                return nil
            } ?? nil
        } ?? nil
    }
}
