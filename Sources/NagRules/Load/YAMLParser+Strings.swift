import CYAML

/// Shares one String storage between equal scalars while loading.
///
/// Templates repeat the same property names and values thousands of times (`ServerSideEncryptionConfiguration`,
/// `lambda.amazonaws.com`); strings longer than 15 UTF-8 bytes need a heap allocation each, so sharing them
/// saves both time and memory. Long ones (descriptions, policies, scripts) are rarely repeated and are not
/// interned. Short strings are stored inline by Swift, so there is no storage to share, but making one still
/// validates its bytes (about 90 instructions); ``ShortStrings`` remembers the ones made recently.
struct StringInterner {
    private var slots: [String?]
    private var hashes: [UInt64]
    private var count = 0
    private var mask: Int
    private var short = ShortStrings()

    static let minimumLength = 16
    static let maximumLength = 96

    /// The table is allocated with the first string long enough to share, small, and doubles as it fills, so a
    /// small document (a policy held in a string) pays little for it.
    init() {
        slots = []
        hashes = []
        mask = 0
    }

    /// A mapping key: its string and its print, which the string is found by (a short key's packed bytes, a
    /// longer key's hash).
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, KeyPrint) {
        let print = KeyPrint(of: bytes, hash: nil)
        if bytes.isEmpty { return ("", print) }
        if bytes.count < Self.minimumLength { return (short.string(bytes, key: (print.low, print.high)), print) }
        if bytes.count > Self.maximumLength { return (String(decoding: bytes, as: UTF8.self), print) }
        return (string(bytes, hash: print.low), print)
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count >= Self.minimumLength, bytes.count <= Self.maximumLength else {
            return bytes.count < Self.minimumLength ? short.string(bytes) : String(decoding: bytes, as: UTF8.self)
        }
        return string(bytes, hash: JSONStringTable.hash(bytes, from: 0, to: bytes.count))
    }

    /// A string of ``minimumLength`` to ``maximumLength`` bytes whose hash is known.
    private mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
        if slots.isEmpty {
            slots = Array(repeating: nil, count: 64)
            hashes = Array(repeating: 0, count: 64)
            mask = 63
        }
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

/// A direct-mapped cache of strings of 1 to 15 bytes, keyed by the bytes themselves packed into two words: a
/// hit costs two loads, a multiply and two comparisons, where making the string again costs a validation pass.
/// A miss replaces whatever the slot held. It starts small and grows to ``maximumSlots`` as misses pile up, so a
/// small document pays little for it.
struct ShortStrings {
    private var keys: [(UInt64, UInt64)] = []
    private var strings: [String] = []
    private var shift: UInt64 = 0
    private var misses = 0

    static let initialSlots = 256
    static let maximumSlots = 4096

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        return string(bytes, key: Self.key(base, count: bytes.count))
    }

    /// The string of `bytes` (1 to 15 of them), whose ``key(_:count:)`` is `key`.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, key: (UInt64, UInt64)) -> String {
        if keys.isEmpty { resize(Self.initialSlots) }
        let slot = Int(truncatingIfNeeded: KeyPrint.mix(key.0, key.1) >> shift)
        if keys[slot] == key { return strings[slot] }
        let string = String(decoding: bytes, as: UTF8.self)
        keys[slot] = key
        strings[slot] = string
        misses += 1
        if misses > keys.count * 2 && keys.count < Self.maximumSlots { resize(keys.count * 4) }
        return string
    }

    /// The bytes (1 to 15 of them) and their count as two words, read in at most four loads. The loads may
    /// overlap: with the count known, the two words still say every byte.
    @inline(__always) static func key(_ base: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(base)
        let length = UInt64(truncatingIfNeeded: count) << 56
        if count >= 8 {
            let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return (first, (last >> 8) | length)
        }
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return (first | last << 32, length)
        }
        let word = UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16
        return (word, length)
    }

    /// Empties the cache into `slots` slots (a power of two).
    private mutating func resize(_ slots: Int) {
        keys = Array(repeating: (0, 0), count: slots)
        strings = Array(repeating: "", count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        misses = 0
    }
}

/// Two words that tell mapping keys apart without comparing strings: for a key of 1 to 15 bytes the bytes
/// themselves (``ShortStrings/key(_:count:)``), so equal prints mean equal keys; for a longer one its hash
/// and length, marked so it never equals a short key's print, so equal prints mean the strings must be compared.
struct KeyPrint: Equatable {
    var low: UInt64
    var high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The print of `bytes`; `hash`, when given, is ``JSONStringTable/hash(_:from:to:)`` of them.
    init(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64?) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            self.init(low: 0, high: 0)
            return
        }
        if bytes.count < StringInterner.minimumLength {
            let key = ShortStrings.key(base, count: bytes.count)
            self.init(low: key.0, high: key.1)
        } else {
            let hash = hash ?? JSONStringTable.hash(bytes, from: 0, to: bytes.count)
            self.init(low: hash, high: UInt64(truncatingIfNeeded: bytes.count) | 1 << 63)
        }
    }

    /// A slot in a table of `mask + 1` slots (a power of two).
    @inline(__always) func slot(mask: Int) -> Int {
        Int(truncatingIfNeeded: Self.mix(low, high) >> 32) & mask
    }

    /// Two words folded into one whose high bits depend on every bit of both: the slot of a print here, and of a
    /// short string in ``ShortStrings``, taken from those bits.
    @inline(__always) static func mix(_ low: UInt64, _ high: UInt64) -> UInt64 {
        (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    }
}
