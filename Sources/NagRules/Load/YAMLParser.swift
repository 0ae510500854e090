import CYAML

/// Loads one YAML document into a ``Value`` by driving libyaml's event API.
///
/// The tree is built with an explicit stack of open collections, so nesting depth is bounded only by
/// ``LoadLimits/maxDepth`` (checked as collections open), never by the call stack. Scalars are typed the
/// way PyYAML's YAML 1.1 resolvers type them (what cfn-lint sees), CloudFormation's `!Tag` short forms
/// become intrinsics, anchors and aliases are expanded (counted against ``LoadLimits/maxAliasExpansion``),
/// and `<<` merge keys are applied.
enum YAMLParser {
    /// Parses one YAML document into a Value. Throws ``ParseError`` (message, position, related positions).
    static func parse(_ bytes: UnsafeRawBufferPointer, limits: LoadLimits) throws -> Value {
        var warnings: [ParseError] = []
        return try parse(bytes, limits: limits, warnings: &warnings)
    }

    /// Parses one YAML document; problems that do not stop loading (a tag CloudFormation does not know,
    /// such as a pre-processor's `!Rain::Embed`) are added to `warnings`.
    static func parse(_ bytes: UnsafeRawBufferPointer, limits: LoadLimits, warnings: inout [ParseError]) throws -> Value {
        var references = 0
        return try parse(bytes, limits: limits, warnings: &warnings, referenceEstimate: &references)
    }

    /// Parses one YAML document, adding to `referenceEstimate` the references its intrinsic functions write (an
    /// alias's as often as it is used).
    static func parse(_ bytes: UnsafeRawBufferPointer, limits: LoadLimits, warnings: inout [ParseError],
                      referenceEstimate: inout Int) throws -> Value {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw ParseError(message: "no YAML document found: the file is empty", position: .start)
        }
        let input = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)

        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw ParseError(message: "could not initialise the YAML parser (out of memory)", position: .start)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        var builder = YAMLTreeBuilder(input: input, limits: limits)
        var documents = 0
        loop: while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw libyamlError(parser.pointee, input: input)
            }
            defer { yaml_event_delete(event) }
            let start = event.pointee.start_mark
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                break loop
            case YAML_DOCUMENT_START_EVENT:
                if documents > 0 {
                    throw ParseError(
                        message: "a template must be a single YAML document, but a second document starts here",
                        position: Position(start))
                }
                documents += 1
            case YAML_SCALAR_EVENT:
                try builder.scalar(event.pointee.data.scalar, start: start, end: event.pointee.end_mark)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.pointee.data.sequence_start
                try builder.open(.sequence, tag: data.tag, anchor: data.anchor,
                                 start: start, end: event.pointee.end_mark)
            case YAML_MAPPING_START_EVENT:
                let data = event.pointee.data.mapping_start
                try builder.open(.mapping, tag: data.tag, anchor: data.anchor,
                                 start: start, end: event.pointee.end_mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.close()
            case YAML_ALIAS_EVENT:
                try builder.alias(event.pointee.data.alias.anchor, at: Position(start))
            default:
                break // stream start, document end
            }
        }
        guard let root = builder.root else {
            throw ParseError(message: "no YAML document found: the file has only comments or whitespace",
                             position: .start)
        }
        warnings += builder.warnings
        referenceEstimate += builder.referenceEstimate
        return root
    }
}

extension Position {
    /// A libyaml mark (0-based line and column, column in characters) as a 1-based position.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

/// Builds the value tree from libyaml events.
struct YAMLTreeBuilder {
    enum ContainerKind { case sequence, mapping }

    /// One open sequence or mapping.
    struct Frame {
        var kind: ContainerKind
        /// Where the node starts, including its tag and anchor.
        var position: Position
        /// Where its content starts (after any tag and anchor).
        var contentPosition: Position
        var intrinsic: IntrinsicName?
        var anchor: String?
        /// Start of this container's children in `items` or `entries`.
        var start: Int
        /// Nodes in this subtree, counting aliased subtrees at their full size.
        var size = 1
        /// Levels of lists and maps in this subtree, itself included, aliased subtrees at their full height.
        var height = 1
        // Mapping state:
        var pendingKey: String?
        var pendingKeyPrint = KeyPrint(low: 0, high: 0)
        var pendingKeyPosition = Position.start
        var pendingIsMerge = false
        /// For maps past ``duplicateScanLimit`` keys: open addressing over their entries by key print, -1 for
        /// an empty slot, else an index into `entries`.
        var keyTable: [Int32]?
        var merges: [Value] = []
        /// ``YAMLTreeBuilder/referenceEstimate`` when the node opened: what its subtree adds is the difference.
        var referencesBefore = 0
    }

    let input: UnsafeBufferPointer<UInt8>
    let limits: LoadLimits
    /// The open collections, innermost on top, changed in place through ``ElementStack/top``.
    let frames = ElementStack<Frame>(capacity: 64)
    let items = ElementStack<Value>()
    let entries = ElementStack<ValueMap.Entry>()
    /// The ``KeyPrint`` of each entry on `entries`, at the same index.
    let keyPrints = ElementStack<KeyPrint>()
    /// Each anchor's node, its size and height, and the references its intrinsic functions write (added again
    /// wherever an alias repeats it).
    var anchors: [String: (value: Value, size: Int, height: Int, references: Int)] = [:]
    var aliasExpansion = 0
    var root: Value?
    var cursor: CharacterCursor
    var interner = StringInterner()
    var tagCache: [(bytes: [UInt8], meaning: TagMeaning)] = []
    /// Problems that do not stop loading (unknown tags, read as if untagged).
    var warnings: [ParseError] = []
    /// The references the intrinsic functions built so far write (``Intrinsic/ownReferenceEstimate``).
    var referenceEstimate = 0

    /// Maps with more entries than this check duplicates through a hash table instead of a scan.
    static let duplicateScanLimit = 16

    init(input: UnsafeBufferPointer<UInt8>, limits: LoadLimits) {
        self.input = input
        self.limits = limits
        self.cursor = CharacterCursor(input: input)
    }

    // MARK: Events

    mutating func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar,
                         start: yaml_mark_t, end: yaml_mark_t) throws {
        let text = UnsafeBufferPointer(start: data.value, count: data.length)
        let hasProperties = data.tag != nil || data.anchor != nil
        let position = Position(start)
        let contentPosition = hasProperties ? cursor.contentPosition(start: start, end: end) : position

        if expectsKey {
            try takeKey(text: text, tag: data.tag, plain: data.style == YAML_PLAIN_SCALAR_STYLE,
                        position: contentPosition)
            if let anchor = data.anchor {
                let key = String(decoding: text, as: UTF8.self)
                anchors[Self.string(anchor)] = (Value(.string(key), at: contentPosition), 1, 0, 0)
            }
            return
        }

        let referencesBefore = referenceEstimate
        let value = try scalarValue(text: text, tag: data.tag, style: data.style,
                                         position: position, contentPosition: contentPosition)
        if let anchor = data.anchor {
            anchors[Self.string(anchor)] = (value, 1, 0, referenceEstimate - referencesBefore)
        }
        try attach(value, size: 1, height: 0)
    }

    mutating func open(_ kind: ContainerKind, tag: UnsafeMutablePointer<yaml_char_t>?,
                       anchor: UnsafeMutablePointer<yaml_char_t>?, start: yaml_mark_t, end: yaml_mark_t) throws {
        let position = Position(start)
        if expectsKey {
            throw ParseError(
                message: "a \(kind == .mapping ? "mapping" : "sequence") cannot be used as a mapping key; "
                    + "keys must be plain scalars",
                position: position)
        }
        if frames.count >= limits.maxDepth {
            throw ParseError(
                message: "nesting too deep: more than \(limits.maxDepth) levels of lists and maps",
                position: position)
        }
        var intrinsic: IntrinsicName?
        if let tag {
            intrinsic = try containerTag(tag, kind: kind, position: position)
        }
        let contentPosition = (tag != nil || anchor != nil) ? cursor.contentPosition(start: start, end: end) : position
        frames.append(Frame(kind: kind, position: position, contentPosition: contentPosition,
                            intrinsic: intrinsic, anchor: anchor.map(Self.string),
                            start: kind == .sequence ? items.count : entries.count,
                            referencesBefore: referenceEstimate))
    }

    mutating func close() throws {
        let frame = frames.removeLast()
        var value: Value
        switch frame.kind {
        case .sequence:
            let list = items.popArray(from: frame.start)
            value = Value(.list(list), at: frame.contentPosition)
        case .mapping:
            var list = entries.popArray(from: frame.start)
            keyPrints.removeAll(from: frame.start)
            if !frame.merges.isEmpty {
                list = Self.applyMerges(frame.merges, to: list)
            }
            value = Value.map(list, at: frame.contentPosition, referenceEstimate: &referenceEstimate)
        }
        if let name = frame.intrinsic {
            value = .intrinsic(Intrinsic(name: name, argument: value), at: frame.position,
                               countingInto: &referenceEstimate)
        }
        if let anchor = frame.anchor {
            anchors[anchor] = (value, frame.size, frame.height, referenceEstimate - frame.referencesBefore)
        }
        try attach(value, size: frame.size, height: frame.height)
    }

    mutating func alias(_ anchorPointer: UnsafeMutablePointer<yaml_char_t>?, at position: Position) throws {
        let name = anchorPointer.map(Self.string) ?? ""
        guard let (value, size, height, references) = anchors[name] else {
            if (0..<frames.count).contains(where: { frames[$0].anchor == name }) {
                throw ParseError(message: "alias *\(name) refers to a node that contains it (recursive alias)",
                                 position: position)
            }
            throw ParseError(message: "undefined alias *\(name): no anchor &\(name) appears before it",
                             position: position)
        }
        aliasExpansion += size
        if aliasExpansion > limits.maxAliasExpansion {
            throw ParseError(
                message: "alias *\(name) expands the document beyond \(limits.maxAliasExpansion) nodes; "
                    + "aliases nested this way (a \"billion laughs\" document) are not accepted",
                position: position)
        }
        // The alias puts its whole subtree here: count its levels against the limit, as if it were written out.
        if frames.count + height > limits.maxDepth {
            throw ParseError(
                message: "alias *\(name) nests the document more than \(limits.maxDepth) levels deep "
                    + "(its node has \(height) levels of lists and maps, placed \(frames.count) levels down)",
                position: position)
        }
        if expectsKey {
            guard let key = value.scalarText ?? (value.isNull ? "" : nil) else {
                throw ParseError(message: "alias *\(name) is used as a mapping key but refers to \(value.kindDescription); "
                                     + "keys must be scalars",
                                 position: position)
            }
            var text = key
            let print = text.withUTF8 { KeyPrint(of: $0, hash: nil) }
            try setKey(key, print: print, at: position, isMerge: false)
            return
        }
        referenceEstimate += references
        try attach(value, size: size, height: height)
    }

    // MARK: Building

    /// Whether the next node is the key of an open mapping.
    private var expectsKey: Bool {
        frames.count > 0 && frames.top.pointee.kind == .mapping && frames.top.pointee.pendingKey == nil
    }

    /// Adds a finished node to the open collection, or makes it the document root.
    private mutating func attach(_ value: consuming Value, size: Int, height: Int) throws {
        guard frames.count > 0 else {
            root = value
            return
        }
        let frame = frames.top
        frame.pointee.size += size
        frame.pointee.height = max(frame.pointee.height, height + 1)
        switch frame.pointee.kind {
        case .sequence:
            items.append(value)
        case .mapping:
            guard let key = frame.pointee.pendingKey.take() else { return } // keys are taken before attach
            if frame.pointee.pendingIsMerge {
                try addMerge(value)
            } else {
                entries.append(ValueMap.Entry(key: key, keyPosition: frame.pointee.pendingKeyPosition, value: value))
                keyPrints.append(frame.pointee.pendingKeyPrint)
            }
            frame.pointee.pendingIsMerge = false
        }
    }

    private mutating func takeKey(text: UnsafeBufferPointer<UInt8>, tag: UnsafeMutablePointer<yaml_char_t>?,
                                  plain: Bool, position: Position) throws {
        if let tag {
            try checkKeyTag(tag, position: position)
        }
        let isMerge = plain && tag == nil && text.count == 2 && text[0] == UInt8(ascii: "<")
            && text[1] == UInt8(ascii: "<")
        let (key, print) = interner.key(text)
        try setKey(key, print: print, at: position, isMerge: isMerge)
    }

    /// Makes `key` the key of the next entry of the open map, after checking that the map has no entry of that
    /// key yet. Keys are told apart by their prints first; only equal prints compare the strings.
    private mutating func setKey(_ key: String, print: KeyPrint, at position: Position, isMerge: Bool) throws {
        let frame = frames.top
        let start = frame.pointee.start
        let count = entries.count - start
        if !isMerge {
            // Taken out of the frame while it changes, so it is not copied.
            if var table = frame.pointee.keyTable.take() {
                try checkAndInsert(key, print: print, at: position, index: entries.count, into: &table)
                frame.pointee.keyTable = (count + 1) * 2 > table.count
                    ? keyTable(from: start, count: count + 1, pending: print) : table
            } else {
                for offset in start..<entries.count where keyPrints[offset] == print && entries[offset].key == key {
                    throw duplicate(key, at: position, first: entries[offset].keyPosition)
                }
                if count + 1 > Self.duplicateScanLimit {
                    frame.pointee.keyTable = keyTable(from: start, count: count + 1, pending: print)
                }
            }
        }
        frame.pointee.pendingKey = key
        frame.pointee.pendingKeyPrint = print
        frame.pointee.pendingKeyPosition = position
        frame.pointee.pendingIsMerge = isMerge
    }

    /// Throws if the table holds an entry of `key`, else records `index` (below 2^31) as the entry of `print`.
    private func checkAndInsert(_ key: String, print: KeyPrint, at position: Position, index: Int,
                                into table: inout [Int32]) throws {
        let mask = table.count - 1
        var slot = print.slot(mask: mask)
        while table[slot] >= 0 {
            let existing = Int(table[slot])
            if keyPrints[existing] == print && entries[existing].key == key {
                throw duplicate(key, at: position, first: entries[existing].keyPosition)
            }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(truncatingIfNeeded: index)
    }

    /// A key table for the open map's `count` keys: the entries from `start` and the pending key's `print`,
    /// at most half full. The keys are known to be distinct.
    private func keyTable(from start: Int, count: Int, pending: KeyPrint) -> [Int32] {
        var size = 64
        while size < count * 4 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for index in start..<(start + count) {
            let print = index < entries.count ? keyPrints[index] : pending
            var slot = print.slot(mask: mask)
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(truncatingIfNeeded: index)
        }
        return table
    }

    private func duplicate(_ key: String, at position: Position, first: Position) -> ParseError {
        ParseError(message: "duplicate key \"\(key)\" (first defined at line \(first.line), column \(first.column))",
                   position: position, related: [first])
    }

    private mutating func addMerge(_ value: Value) throws {
        switch value.kind {
        case .map:
            frames.top.pointee.merges.append(value)
        case .list(let sources) where sources.allSatisfy({ $0.mapValue != nil }):
            frames.top.pointee.merges.append(contentsOf: sources)
        default:
            throw ParseError(message: "the merge key << needs a mapping or a list of mappings, not \(value.kindDescription)",
                             position: value.position)
        }
    }

    /// YAML 1.1 merge: keys written in the mapping win, then earlier merge sources over later ones.
    /// Merged entries come first, the way PyYAML orders them.
    static func applyMerges(_ sources: [Value], to explicit: [ValueMap.Entry]) -> [ValueMap.Entry] {
        var seen = Set(explicit.map(\.key))
        var merged: [ValueMap.Entry] = []
        for source in sources {
            for entry in source.mapValue?.entries ?? [] where seen.insert(entry.key).inserted {
                merged.append(entry)
            }
        }
        return merged + explicit
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }
}

/// Maps libyaml's character indexes (marks count characters, not bytes) back to byte offsets, moving
/// forward only, so finding where a tagged node's content starts costs one pass over the input in total.
struct CharacterCursor {
    let input: UnsafeBufferPointer<UInt8>
    private var characterIndex = 0
    private var byteOffset: Int
    /// libyaml reads UTF-16 input too; its marks then do not match our UTF-8 scan, so positions fall back.
    private let isUTF8: Bool

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        let hasBOM = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        byteOffset = hasBOM ? 3 : 0
        isUTF8 = !(input.count >= 2 && ((input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF)))
    }

    /// Where the content of a node starts, skipping its tag, anchor, whitespace and comments,
    /// but never past `end` (an empty tagged scalar ends right after its tag).
    mutating func contentPosition(start: yaml_mark_t, end: yaml_mark_t) -> Position {
        guard isUTF8 else { return Position(start) }
        let target = Int(start.index)
        if target < characterIndex {
            characterIndex = 0
            byteOffset = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0
        }
        // Sixteen bytes at a time while the characters they start (their bytes that are not UTF-8 continuation
        // bytes) stay short of the target; a sequence cut at the end of a block is counted where it starts and
        // its continuation bytes are skipped after the loop.
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            while byteOffset + 16 <= input.count {
                let first = raw.loadUnaligned(fromByteOffset: byteOffset, as: UInt64.self)
                let second = raw.loadUnaligned(fromByteOffset: byteOffset + 8, as: UInt64.self)
                let characters = 16 - Self.continuationBytes(first) - Self.continuationBytes(second)
                guard characterIndex + characters <= target else { break }
                characterIndex += characters
                byteOffset += 16
            }
            while byteOffset < input.count && input[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
        }
        while characterIndex < target && byteOffset < input.count {
            byteOffset += Self.sequenceLength(input[byteOffset])
            characterIndex += 1
        }
        let limit = Int(end.index)
        var index = characterIndex
        var offset = byteOffset
        var line = Int(start.line)
        var column = Int(start.column)
        var inToken = false
        var inComment = false
        while index < limit && offset < input.count {
            let byte = input[offset]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && offset + 1 < input.count && input[offset + 1] == 0x0A {
                    offset += 1
                    index += 1
                }
                line += 1
                column = 0
                inToken = false
                inComment = false
            } else if inComment {
                column += 1
            } else if byte == 0x20 || byte == 0x09 {
                inToken = false
                column += 1
            } else if inToken {
                column += 1
            } else if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "&") {
                inToken = true
                column += 1
            } else if byte == UInt8(ascii: "#") {
                inComment = true
                column += 1
            } else {
                return Position(line: line + 1, column: column + 1)
            }
            offset += Self.sequenceLength(byte)
            index += 1
        }
        return Position(end)
    }

    /// How many of a word's eight bytes are UTF-8 continuation bytes (10xxxxxx).
    @inline(__always) private static func continuationBytes(_ word: UInt64) -> Int {
        (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
