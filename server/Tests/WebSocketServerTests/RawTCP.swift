import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Exact bytes over a plain TCP connection, for requests no well-behaved client would send.
enum RawTCP {
    struct Reply: Sendable {
        /// Everything the server sent.
        var text: String
        /// True when the server ended the connection; false when `timeout` ran out first.
        var closedByServer: Bool

        /// The status of the HTTP response at the start of `text`, if there is one.
        var status: Int? {
            guard text.hasPrefix("HTTP/1.1 ") else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }

        /// The value of header `name` in the response head, if present.
        func header(_ name: String) -> String? {
            let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
            for line in head.split(separator: "\r\n").dropFirst() {
                guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { continue }
                return String(line[line.index(after: colon)...].drop { $0 == " " })
            }
            return nil
        }

        /// The response body (after the head).
        var body: String {
            guard let range = text.range(of: "\r\n\r\n") else { return "" }
            return String(text[range.upperBound...])
        }
    }

    /// Connects to 127.0.0.1:`port`, writes `bytes` (possibly nothing), runs `afterWriting`, then reads
    /// until the server closes the connection or `timeout` passes (the timeout only bounds a hang).
    static func exchange(
        port: Int,
        _ bytes: [UInt8],
        timeout: Duration = .seconds(20),
        afterWriting: @Sendable () async -> Void = {}
    ) async throws -> Reply {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let raw = channel.channel
        let timedOut = NIOLockedValueBox(false)
        let (seconds, attoseconds) = timeout.components
        let timer = raw.eventLoop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            timedOut.withLockedValue { $0 = true }
            raw.close(promise: nil)
        }
        defer { timer.cancel() }
        let received = try await channel.executeThenClose { inbound, outbound in
            if !bytes.isEmpty {
                do {
                    try await outbound.write(ByteBuffer(bytes: bytes))
                } catch {
                    // The server closed first (an evicted connection, say): what it sent is still read below.
                }
            }
            await afterWriting()
            var received = ByteBuffer()
            do {
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                }
            } catch {
                // A reset after the answer counts as the server closing; what arrived is kept.
            }
            return received
        }
        return Reply(text: String(buffer: received), closedByServer: !timedOut.withLockedValue { $0 })
    }

    static func exchange(port: Int, _ text: String, timeout: Duration = .seconds(20)) async throws -> Reply {
        try await exchange(port: port, Array(text.utf8), timeout: timeout)
    }

    /// A WebSocket opening handshake (RFC 6455 §4.1) as text: `requestLine`, the usual header fields
    /// except those named in `dropping`, then `extra` fields, then the blank line and `body`.
    static func handshake(
        requestLine: String = "GET /wss HTTP/1.1",
        dropping: Set<String> = [],
        extra: [String] = [],
        body: String = ""
    ) -> String {
        let fields = [
            "Host: 127.0.0.1", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
        ].filter { field in
            !dropping.contains(where: { field.lowercased().hasPrefix($0.lowercased() + ":") })
        }
        return ([requestLine] + fields + extra).map { $0 + "\r\n" }.joined() + "\r\n" + body
    }
}
