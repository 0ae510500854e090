#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NagRules

/// The C library's `write(2)` (the name `write` is taken by the stream's method).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// A buffered output to a file descriptor: reports are written through it piece by piece, so a large report
/// never exists whole in memory; formatters write into its ``sink`` to hand it their bytes directly. The first
/// write error is kept (and further writes dropped) for the caller to report.
final class FileOutput {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: Int32?

    static let capacity = 1 << 16

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity)
    }

    /// Creates (or truncates) the file at `path` for writing.
    convenience init?(path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.init(descriptor: descriptor)
    }

    /// A stream into this output that takes the formatters' bytes as they are.
    var sink: UTF8Sink { UTF8Sink { [self] in write(utf8: $0) } }

    func write(utf8 piece: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        if piece.count >= Self.capacity {
            // A large piece goes straight out from its own storage, not through (and growing) the buffer.
            flush()
            guard failure == nil else { return }
            failure = Self.writeAll(piece, to: descriptor)
            return
        }
        buffer.append(contentsOf: piece)
        if buffer.count >= Self.capacity { flush() }
    }

    /// Writes out what is buffered (a failure is kept in ``failure``).
    func flush() {
        if failure == nil {
            let descriptor = self.descriptor
            failure = buffer.withUnsafeBufferPointer { Self.writeAll($0, to: descriptor) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte, retrying after interruptions; the error that stopped it, nil when all were written.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// The error that stopped writing, in words.
    var failureDescription: String? { failure.map { String(cString: strerror($0)) } }
}
