/// The strings of one JSON document, each distinct run of source bytes made into a `String` once.
///
/// A template repeats its keys and many of its values thousands of times (`Type`, `Properties`,
/// `lambda.amazonaws.com`). Building a `String` validates its bytes and, past 15 bytes, allocates; looking the
/// bytes up here costs a hash of eight bytes at a time and one comparison. Runs longer than
/// ``maximumLength`` (descriptions, policies, scripts) are rarely repeated and are built directly.
///
/// Every stored run gets a number in the order it was first seen: two runs have the same number exactly when
/// their bytes are equal, which lets the parser compare ASCII keys by number. Runs are compared in the source
/// buffer itself, so the table keeps only offsets, never copies of the bytes.
struct JSONStringTable {
    /// One stored run: its first sixteen bytes as two words (zero past its end), where it is in the source, and
    /// its string. Most runs are at most sixteen bytes long and are compared on the words alone, without reading
    /// the source where they were first seen (by then usually out of the cache).
    private struct Run {
        var head: UInt64
        var next: UInt64
        var start: Int
        var length: Int32
        /// The bits of the run's hash that place it in ``slots`` (the high half), kept so growing rehashes nothing.
        var placement: UInt32
        var string: String
    }

    /// Open addressing: 0 for an empty slot, else a run's ``tagBits``-bit tag (low bits of its hash) over its
    /// number plus one. Four bytes a slot keep the table of a large document small enough to stay in the cache:
    /// a look-up that misses the cache for its slot costs more than everything else it does.
    private var slots: [UInt32] = []
    private var mask = 0
    /// The stored runs, by number.
    private var runs: [Run] = []

    static let tagBits: UInt32 = 12
    static let numberBits: UInt32 = 32 - tagBits
    /// Runs are numbered while their number plus one fits in ``numberBits``; later new ones are built unnumbered.
    static let maximumNumbered = (1 << Int(numberBits)) - 2

    /// Runs of more bytes than this are not stored.
    static let maximumLength = 96

    /// Most occupied slots a look-up passes before it gives up on the table (at half full, a look-up passes
    /// one or two).
    static let maximumProbes = 64

    /// The string of `bytes[start..<end]`, which must be valid UTF-8 (the parser checked it), and its number in
    /// the table, or -1 when the run is empty, too long to be stored, or new once the table is full. Every look-up in one table passes the
    /// same buffer: runs longer than sixteen bytes are compared with where they were first seen in it.
    /// `hash`, when given, is ``hash(_:from:to:)`` of the run, worked out by a caller that read its words anyway.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hash known: UInt64? = nil) -> (String, Int) {
        let length = end - start
        guard length > 0 else { return ("", -1) }
        guard length <= Self.maximumLength, let base = bytes.baseAddress else {
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), -1)
        }
        if slots.isEmpty { allocate(forDocumentOf: bytes.count) }
        let hash = known ?? Self.hash(bytes, from: start, to: end)
        let numberMask: UInt32 = (1 << Self.numberBits) - 1
        let tag = UInt32(truncatingIfNeeded: hash) & ~numberMask
        let placement = UInt32(truncatingIfNeeded: hash >> 32)
        let (head, next) = Self.headWords(base, start, length: length)
        var slot = Int(placement) & mask
        var probes = 0
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & ~numberMask == tag {
                let number = Int(stored & numberMask) - 1
                if Int(runs[number].length) == length, runs[number].head == head, runs[number].next == next,
                   length <= 16 || (runs[number].start + length <= bytes.count
                                    && Self.equal(base, runs[number].start + 16, start + 16, length: length - 16)) {
                    return (runs[number].string, number)
                }
            }
            probes += 1
            if probes > Self.maximumProbes {
                // The hash is fixed, so a document could be made of strings that all land together: past this
                // many slots the run is built directly, unnumbered, and the parser compares such keys as strings.
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), -1)
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let number = runs.count
        guard number < Self.maximumNumbered else { return (string, -1) }
        runs.append(Run(head: head, next: next, start: start, length: Int32(length), placement: placement, string: string))
        slots[slot] = tag | UInt32(number + 1)
        if runs.count * 2 > slots.count { grow() }
        return (string, number)
    }

    /// A table about the size a document of `size` bytes needs (a template holds roughly one distinct string per
    /// 300 to 400 bytes, and the table grows at half full), so a large one seldom grows and a small one (a policy
    /// held in a string) stays small.
    private mutating func allocate(forDocumentOf size: Int) {
        var capacity = 16
        while capacity < size / 256, capacity < 1 << 20 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        runs.reserveCapacity(capacity / 2)
    }

    /// The first sixteen bytes of the `length` bytes at `start` (at least one, all inside the buffer) as two
    /// words, first byte lowest, zero past the run's end. A word that would pass the run's end is read as the
    /// eight bytes ending there, shifted down; a run ending before the buffer's eighth byte is read byte by byte.
    @inline(__always) private static func headWords(_ base: UnsafePointer<UInt8>, _ start: Int, length: Int) -> (UInt64, UInt64) {
        func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
        }
        if length >= 8 {
            let rest = min(length - 8, 8)
            return (word(start), rest == 0 ? 0 : word(start + 8 + rest - 8) >> UInt64((8 - rest) * 8))
        }
        if start + length >= 8 { return (word(start + length - 8) >> UInt64((8 - length) * 8), 0) }
        var head: UInt64 = 0
        for index in 0..<length { head |= UInt64(base[start + index]) << UInt64(index * 8) }
        return (head, 0)
    }

    /// Whether the `length` bytes at `first` and at `second` are equal; both runs lie inside the buffer, and
    /// every word read ends inside one of them and starts at or after the buffer's start.
    @inline(__always) private static func equal(_ base: UnsafePointer<UInt8>, _ first: Int, _ second: Int, length: Int) -> Bool {
        func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
        }
        guard length > 0 else { return true }
        if length >= 8 {
            var index = 0
            while index + 8 < length {
                if word(first + index) != word(second + index) { return false }
                index += 8
            }
            return word(first + length - 8) == word(second + length - 8)
        }
        if first + length >= 8, second + length >= 8 {
            // The words ending with each run, shifted down to the run's own bytes.
            let shift = UInt64((8 - length) * 8)
            return word(first + length - 8) >> shift == word(second + length - 8) >> shift
        }
        for index in 0..<length where base[first + index] != base[second + index] { return false }
        return true
    }

    /// A hash of `bytes[start..<end]` (at least one byte): ``seed`` mixed with each whole eight-byte word in
    /// order, then with the remaining bytes as one word (zero above them), then ``finish(_:length:)``. The last
    /// partial word is read as the eight bytes ending at `end` shifted down, so nothing outside the buffer is
    /// read; a document shorter than eight bytes is read byte by byte.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var hash = seed
        guard let base = bytes.baseAddress, end >= 8 else {
            var word: UInt64 = 0
            for index in start..<end { word |= UInt64(bytes[index]) << UInt64((index - start) * 8) }
            return finish(mix(hash, word), length: end - start)
        }
        var index = start
        while index + 8 <= end {
            hash = mix(hash, UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
            index += 8
        }
        let remaining = end - index
        if remaining > 0 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self))
            hash = mix(hash, word >> UInt64((8 - remaining) * 8))
        }
        return finish(hash, length: end - start)
    }

    static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    /// Mixes one word (eight bytes, first byte lowest) into a hash.
    @inline(__always) static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    /// The hash of a run of `length` bytes whose words were mixed into `hash`.
    @inline(__always) static func finish(_ hash: UInt64, length: Int) -> UInt64 {
        let mixed = (hash ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 32)
    }

    /// Doubles the table; a slot's place comes from the placement bits its run keeps, so nothing is hashed again.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        let numberMask: UInt32 = (1 << Self.numberBits) - 1
        for stored in old where stored != 0 {
            var slot = Int(runs[Int(stored & numberMask) - 1].placement) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
        }
    }
}
