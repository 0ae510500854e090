/// The bytes of a ``ReportText``: written into a zero-filled array kept at least as long as what it holds, so
/// appending is a bounds check and a copy. `Array.append(contentsOf:)` spent about a hundred instructions of
/// bookkeeping per call, and a report makes millions of short appends (a key, a quote, an indentation).
struct ByteBuffer {
    /// `storage[..<count]` is what was written; the rest is zeros, room to write into.
    private var storage: [UInt8] = []
    private(set) var count = 0

    /// A buffer that can take `capacity` bytes before it first grows (reserved, not yet zero-filled).
    init(capacity: Int) {
        storage.reserveCapacity(capacity)
    }

    var isEmpty: Bool { count == 0 }

    /// Makes room for `extra` more bytes, doubling what is zero-filled.
    @inline(__always) private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let target = Swift.max(needed, storage.count * 2, 256)
        storage.append(contentsOf: repeatElement(0, count: target - storage.count))
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        if count == storage.count { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        let start = count
        storage.withUnsafeMutableBufferPointer { target in
            target.baseAddress?.advanced(by: start).update(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    mutating func append(contentsOf other: ByteBuffer) {
        other.withBytes { append(contentsOf: $0) }
    }

    /// Reverses the bytes from `start` to the end (the digits of a number, written lowest first).
    mutating func reverse(from start: Int) {
        storage[start..<count].reverse()
    }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes written.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
}
