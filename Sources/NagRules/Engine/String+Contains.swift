import Foundation

extension String {
    /// Whether `other` occurs in this string, found as Foundation's `contains` finds it.
    ///
    /// Checks ask this of ARNs, CIDR ranges, service names and policy text thousands of times a run; nearly all
    /// are ASCII, and for two ASCII strings a byte search finds exactly what a search by characters finds (no
    /// ASCII character decomposes or combines), without Foundation's general search behind it. Any other pair,
    /// or an empty `other`, goes to Foundation's search as before.
    func contains(_ other: String) -> Bool {
        if let found = asciiContains(other) { return found }
        return range(of: other) != nil
    }

    /// Whether `needle`'s bytes occur in this string's bytes, or nil unless both strings are ASCII, stored
    /// contiguously, and `needle` is not empty.
    private func asciiContains(_ needle: String) -> Bool? {
        guard !needle.isEmpty, needle.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) == true,
              utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } }) == true else { return nil }
        return utf8.firstByteOffset(of: needle) != nil
    }
}
