import Foundation

/// Splits the byte stream of a connection into messages: each is a header block (`Content-Length: N`, other
/// headers ignored, lines ended by CRLF, the block by an empty line) followed by exactly N bytes of content.
///
/// Pure and incremental: feed it bytes as they arrive with ``append(_:)``, take what is complete with
/// ``next()``. Bad input never stops it. A header block without a usable length, or longer than
/// ``maxHeaderBytes``, is reported and dropped; a declared length over ``maxContentLength`` is reported and
/// that many bytes are skipped, so the stream stays in step; text before a header (the rest of a message
/// whose length was wrong) is reported and the header after it still read.
///
/// ```swift
/// var frames = FrameParser()
/// frames.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
/// frames.next()  // .message([123, 125])
/// ```
public struct FrameParser: Sendable {
    /// What the stream held next.
    public enum Frame: Sendable, Equatable {
        /// The content of one message.
        case message([UInt8])
        /// Bytes that were not a message, with why; they have been dropped.
        case malformed(String)
    }

    /// The longest header block read; longer ones are dropped.
    public static let maxHeaderBytes = 8_192
    /// The largest message accepted (the loader's default file-size limit, as a message is at most a template).
    public var maxContentLength: Int

    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed.
    private var start = 0
    /// Bytes of an oversized message still to skip.
    private var skipping = 0
    /// Frames found but not returned yet (a complaint about stray text, then the message after it).
    private var pending: [Frame] = []

    public init(maxContentLength: Int = 64 << 20) {
        self.maxContentLength = maxContentLength
    }

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        if !pending.isEmpty { return pending.removeFirst() }
        defer { compact() }
        if skipping > 0 {
            let dropped = min(skipping, buffer.count - start)
            start += dropped
            skipping -= dropped
            if skipping > 0 { return nil }
        }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                start = buffer.count
                return .malformed("a header longer than \(Self.maxHeaderBytes) bytes without an empty line ending it; dropped")
            }
            return nil
        }
        let header = Array(buffer[start..<end.lower])
        switch Self.contentLength(in: header) {
        case .problem(let problem):
            start = end.upper
            return .malformed(problem)
        case .length(let length, let stray):
            if length > maxContentLength {
                start = end.upper
                skipping = length
                let frame = Frame.malformed("a message of \(length) bytes is larger than the limit of \(maxContentLength) bytes; skipped")
                return stray.map { pending.append(frame); return .malformed($0) } ?? frame
            }
            guard buffer.count - end.upper >= length else { return nil }
            let content = Array(buffer[end.upper..<(end.upper + length)])
            start = end.upper + length
            guard let stray else { return .message(content) }
            pending.append(.message(content))
            return .malformed(stray)
        }
    }

    /// Encodes one message's content with its header.
    public static func encode(_ content: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(content.count)\r\n\r\n".utf8) + content
    }

    /// Where the first header block ends: the empty line's first byte and the byte after it.
    private func headerEnd() -> (lower: Int, upper: Int)? {
        var index = start
        let limit = min(buffer.count, start + Self.maxHeaderBytes + 4)
        while index + 3 < limit {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return (index, index + 4)
            }
            index += 1
        }
        return nil
    }

    /// What a header block says.
    enum HeaderReading: Equatable {
        /// The content's length, and a complaint when text came before the header.
        case length(Int, stray: String?)
        /// Why the block gives no length.
        case problem(String)
    }

    /// The declared length, and a complaint when text came before the header; or why there is none.
    static func contentLength(in header: [UInt8]) -> HeaderReading {
        let text = String(decoding: header, as: UTF8.self)
        let name = "content-length:"
        var lengths: [Substring] = []
        var stray: String?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            // Lowered letter by letter, ASCII only, so offsets in it are offsets in the line.
            let lowered = String(line.map { $0.isASCII ? Character($0.lowercased()) : $0 })
            guard let found = lowered.range(of: name, options: .backwards) else {
                if !line.contains(":") { stray = "a header line without a colon: \(Self.excerpt(line))" }
                continue
            }
            let offset = lowered.distance(from: lowered.startIndex, to: found.lowerBound)
            if offset > 0 { stray = "text that is not a header before Content-Length: \(Self.excerpt(line.prefix(offset)))" }
            lengths.append(line.dropFirst(offset + name.count))
        }
        guard let written = lengths.last else {
            return .problem("a header without Content-Length: \(Self.excerpt(Substring(text)))")
        }
        let digits = written.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isASCIIDigit), let length = Int(digits) else {
            return .problem("Content-Length is not a number of bytes: \(Self.excerpt(written))")
        }
        if Set(lengths.map { $0.trimmingCharacters(in: .whitespaces) }).count > 1 {
            return .problem("the header gives Content-Length more than once, with different values")
        }
        return .length(length, stray: stray)
    }

    private static func excerpt(_ text: Substring) -> String {
        let shown = text.prefix(60).map { $0.isASCII && ($0.asciiValue ?? 0) >= 32 ? String($0) : "?" }.joined()
        return "\"\(shown)\"" + (text.count > 60 ? "…" : "")
    }

    /// Drops consumed bytes once they are most of the buffer, so a long session does not grow it.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
            start = 0
        } else if start > 65_536, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
