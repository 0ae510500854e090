/// An ordered map of a template: keys in the order they were written, each with its own position.
///
/// Lookups are linear for the small maps that make up most of a template and hashed for large ones
/// (a `Resources` section with thousands of entries). Keys are unique: both loaders reject duplicates.
public struct ValueMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyPosition: Position
        public var value: Value

        public init(key: String, keyPosition: Position, value: Value) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    public private(set) var entries: [Entry]
    private var index: KeyIndex?

    /// Maps with more entries than this get a hash index.
    static let indexThreshold = 12

    public init(_ entries: [Entry] = []) {
        self.entries = entries
        self.index = Self.makeIndex(entries)
    }

    private static func makeIndex(_ entries: [Entry]) -> KeyIndex? {
        entries.count > indexThreshold ? KeyIndex(entries) : nil
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    /// The entry for `key`, with its key position.
    public func entry(_ key: String) -> Entry? {
        offset(of: key).map { entries[$0] }
    }

    public subscript(key: String) -> Value? {
        guard let offset = offset(of: key) else { return nil }
        return entries[offset].value
    }

    /// Where the entry for `key` is in ``entries``.
    func offset(of key: String) -> Int? {
        switch index?.lookUp(key, in: entries) {
        case .found(let offset): offset
        case .absent: nil
        case .unhashed, nil: Self.scan(entries, for: key)
        }
    }

    /// Where the first entry for `key` is, comparing keys where they lie: iterating the array would copy every
    /// entry it passes.
    fileprivate static func scan(_ entries: [Entry], for key: String) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            for offset in entries.indices where entries[offset].key == key { return offset }
            return nil
        }
    }

    /// Whether no key appears twice. The loaders never repeat a key; a map built in code may.
    var hasUniqueKeys: Bool {
        if let index { return index.distinctKeys == entries.count }
        for (offset, entry) in entries.enumerated() where entries[..<offset].contains(where: { $0.key == entry.key }) {
            return false
        }
        return true
    }

    /// Adds or replaces an entry (used when building maps in code, e.g. test helpers).
    public mutating func set(_ key: String, _ value: Value, keyPosition: Position? = nil) {
        if let existing = entries.firstIndex(where: { $0.key == key }) {
            entries[existing].value = value
        } else {
            entries.append(Entry(key: key, keyPosition: keyPosition ?? value.position, value: value))
            index = Self.makeIndex(entries)
        }
    }

    public static func == (lhs: ValueMap, rhs: ValueMap) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension ValueMap.Entry {
    public static func == (lhs: ValueMap.Entry, rhs: ValueMap.Entry) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }
}
