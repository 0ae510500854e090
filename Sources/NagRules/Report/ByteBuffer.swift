/// The bytes of a ``ReportText``, in memory of its own: appending is a capacity check and a copy. A report makes
/// millions of short appends (a key, a quote, an indentation), and `Array` spent a uniqueness check, a bounds
/// check and its buffer bookkeeping on each: about a fifth of an every-pack JSON report's instructions.
///
/// A copy shares the memory until either side writes (copy on write), as an array would.
struct ByteBuffer: Sendable {
    /// Room for `capacity` bytes; the buffer that owns it has written the first `count`.
    ///
    /// `@unchecked Sendable`: the bytes are written only through a buffer that holds the sole reference
    /// (``ByteBuffer/reserve(_:)`` checks), so no two threads ever see a write to the same storage.
    private final class Storage: @unchecked Sendable {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            start = .allocate(capacity: capacity)
        }

        deinit { start.deallocate() }
    }

    private var storage: Storage
    /// How many bytes have been written.
    private(set) var count = 0

    /// A buffer that can take `capacity` bytes before it first grows.
    init(capacity: Int) {
        storage = Storage(capacity: capacity)
    }

    var isEmpty: Bool { count == 0 }

    /// Where the next `extra` bytes go, after making room for them and making the storage this buffer's own.
    @inline(__always) private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count &+ extra > storage.capacity || !isKnownUniquelyReferenced(&storage)) {
            grow(to: count + extra)
        }
        return storage.start + count
    }

    /// Moves the bytes into storage of their own with room for `needed`, at least doubling when it must grow.
    @inline(never) private mutating func grow(to needed: Int) {
        let capacity = needed > storage.capacity ? Swift.max(needed, storage.capacity * 2, 256) : storage.capacity
        let grown = Storage(capacity: capacity)
        grown.start.initialize(from: storage.start, count: count)
        storage = grown
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    /// Lets `body` write up to `limit` bytes in place; it returns how many it wrote.
    @inline(__always) mutating func write(upTo limit: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let written = body(reserve(limit))
        assert(written >= 0 && written <= limit)
        count += written
    }

    @inline(__always) mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Reverses the bytes from `start` to the end (the digits of a number, written lowest first).
    mutating func reverse(from start: Int) {
        precondition(start >= 0 && start <= count, "reversing from outside the buffer")
        var digits = UnsafeMutableBufferPointer(start: reserve(0) - (count - start), count: count - start)
        digits.reverse()
    }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the bytes written.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.start, count: count)) }
    }
}
