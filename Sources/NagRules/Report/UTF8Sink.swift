/// An output that takes report text as UTF-8 bytes: the formatters hand it their text in pieces of about 32 KiB
/// as they write it, without making a `String` of each piece first (which would check every byte again). Any
/// other `TextOutputStream` gets the same text as strings.
///
/// ```swift
/// var bytes: [UInt8] = []
/// var sink = UTF8Sink { bytes += $0 }
/// JSONFormatter().write(report, to: &sink)
/// ```
///
/// A final class, so that a formatter recognizes it with a class cast rather than a protocol conformance
/// look-up.
public final class UTF8Sink: TextOutputStream {
    private let consume: (UnsafeBufferPointer<UInt8>) -> Void

    /// A sink that hands every piece to `consume`; a piece is whole characters of valid UTF-8 and is valid only
    /// during the call.
    public init(_ consume: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.consume = consume
    }

    public func write(_ string: String) {
        var string = string
        string.withUTF8(consume)
    }

    /// Takes `piece` as it is.
    public func write(utf8 piece: UnsafeBufferPointer<UInt8>) {
        consume(piece)
    }
}
