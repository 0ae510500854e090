import CYAML

/// Shares one String storage between equal scalars while loading.
///
/// Templates repeat the same property names and values thousands of times (`ServerSideEncryptionConfiguration`,
/// `lambda.amazonaws.com`); strings longer than 15 UTF-8 bytes need a heap allocation each, so sharing them
/// saves both time and memory. Short strings are stored inline by Swift and never interned; long ones
/// (descriptions, policies, scripts) are rarely repeated and are not interned either.
struct StringInterner {
    private var slots: [String?]
    private var hashes: [UInt64]
    private var count = 0
    private var mask: Int

    static let minimumLength = 16
    static let maximumLength = 96

    /// The table is allocated with the first string long enough to share, small, and doubles as it fills, so a
    /// small document (a policy held in a string) pays little for it.
    init() {
        slots = []
        hashes = []
        mask = 0
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count >= Self.minimumLength, bytes.count <= Self.maximumLength else {
            return String(decoding: bytes, as: UTF8.self)
        }
        if slots.isEmpty {
            slots = Array(repeating: nil, count: 64)
            hashes = Array(repeating: 0, count: 64)
            mask = 63
        }
        // The JSON loader's hash: eight bytes at a time, where a byte-at-a-time hash spent four instructions a byte.
        let hash = JSONStringTable.hash(bytes, from: 0, to: bytes.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let existing = slots[slot] {
            if hashes[slot] == hash, Self.equal(existing, bytes) { return existing }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: bytes, as: UTF8.self)
        slots[slot] = string
        hashes[slot] = hash
        count += 1
        if count * 2 > slots.count { grow() }
        return string
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? false
    }

    private mutating func grow() {
        let oldSlots = slots
        let oldHashes = hashes
        let capacity = slots.count * 2
        slots = Array(repeating: nil, count: capacity)
        hashes = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (index, string) in oldSlots.enumerated() {
            guard let string else { continue }
            var slot = Int(truncatingIfNeeded: oldHashes[index]) & mask
            while slots[slot] != nil { slot = (slot + 1) & mask }
            slots[slot] = string
            hashes[slot] = oldHashes[index]
        }
    }
}
