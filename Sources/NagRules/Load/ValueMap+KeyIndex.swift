extension ValueMap {
    /// The hash index of a large map's keys.
    ///
    /// When every key is ASCII, keys are placed by the JSON loader's byte hash (``JSONStringTable/hash(_:from:to:)``)
    /// in a table of entry offsets: a look-up costs a hash of eight bytes at a time and usually one comparison, where
    /// `Dictionary` hashes every key with SipHash on each look-up. ASCII strings are equal exactly when their bytes
    /// are, so the byte hash finds what `==` finds. A key that is not ASCII can still equal an ASCII one (the Kelvin
    /// sign and `K`), so such look-ups scan the map; a map with a key that is not ASCII, or whose keys crowd the
    /// table (the hash is fixed, so a document could be written that way), is indexed by a `Dictionary` instead.
    ///
    /// A class, so a map stays two words; it is never changed once built.
    final class KeyIndex: Sendable {
        /// Open addressing: 0 for an empty slot, else the offset of the entry plus one. A key written more than once
        /// (only in maps built in code) is placed once, at its last entry, as `Dictionary` would keep it.
        private let slots: [Int32]
        /// The index of maps with keys that are not ASCII, or that crowd the table.
        private let dictionary: [String: Int]?
        /// How many different keys the map has.
        let distinctKeys: Int

        /// Longest run of occupied slots accepted, which bounds every look-up (at most half the slots are occupied, so
        /// runs are short unless keys were chosen to collide).
        static let maximumRun = 64

        init(_ entries: [ValueMap.Entry]) {
            if let (slots, distinct) = Self.placeASCII(entries) {
                self.slots = slots
                dictionary = nil
                distinctKeys = distinct
            } else {
                var dictionary = [String: Int](minimumCapacity: entries.count)
                for (offset, entry) in entries.enumerated() { dictionary[entry.key] = offset }
                slots = []
                self.dictionary = dictionary
                distinctKeys = dictionary.count
            }
        }

        /// The slots of an index of `entries` by byte hash and the number of distinct keys, or nil when a key is not
        /// ASCII or a run of occupied slots grows past ``maximumRun``.
        private static func placeASCII(_ entries: [ValueMap.Entry]) -> ([Int32], Int)? {
            guard entries.count < Int(Int32.max) else { return nil }
            var capacity = 16
            while capacity < entries.count * 2 { capacity *= 2 }
            let mask = capacity - 1
            var slots = [Int32](repeating: 0, count: capacity)
            var distinct = 0
            for offset in entries.indices {
                guard let hash = asciiHash(entries[offset].key) else { return nil }
                var slot = Int(truncatingIfNeeded: hash) & mask
                var run = 0
                while true {
                    let stored = Int(slots[slot])
                    if stored == 0 {
                        slots[slot] = Int32(offset + 1)
                        distinct += 1
                        break
                    }
                    if entries[stored - 1].key == entries[offset].key {
                        slots[slot] = Int32(offset + 1)
                        break
                    }
                    run += 1
                    if run > maximumRun { return nil }
                    slot = (slot + 1) & mask
                }
            }
            // A look-up that misses passes the whole run its home slot is in, which later keys may have lengthened.
            var run = 0
            for stored in slots + slots.prefix(maximumRun + 1) {
                run = stored == 0 ? 0 : run + 1
                if run > maximumRun { return nil }
            }
            return (slots, distinct)
        }

        /// The byte hash of `key` when it is ASCII, else nil.
        @inline(__always) private static func asciiHash(_ key: String) -> UInt64? {
            let hashed = key.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
                var high: UInt8 = 0
                for byte in bytes { high |= byte }
                guard high < 0x80 else { return nil }
                return bytes.isEmpty ? JSONStringTable.seed : JSONStringTable.hash(bytes, from: 0, to: bytes.count)
            }
            return hashed ?? nil
        }

        /// What a look-up in the index finds.
        enum LookUp: Equatable {
            /// The offset of the entry for the key.
            case found(Int)
            /// The map has no such key.
            case absent
            /// The key is not ASCII and the index is by byte hash: only comparing it with each key can tell.
            case unhashed
        }

        /// Looks `key` up among `entries`, the entries this index was built from.
        func lookUp(_ key: String, in entries: [ValueMap.Entry]) -> LookUp {
            if let dictionary { return dictionary[key].map(LookUp.found) ?? .absent }
            guard let hash = Self.asciiHash(key) else { return .unhashed }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { return .absent }
                if entries[stored - 1].key == key { return .found(stored - 1) }
                slot = (slot + 1) & mask
            }
        }
    }
}
