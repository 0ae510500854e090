import NIOCore
import NIOPosix

/// Plain HTTP/1.1 over a TCP socket: the request is written as given and the response read
/// until the server closes the connection (every request here says `Connection: close`).
public enum RawHTTP {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: String

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public struct MalformedResponse: Error {
        public let text: String
    }

    /// `GET path` with optional extra headers.
    public static func get(
        host: String = "127.0.0.1",
        port: Int,
        path: String,
        headers: [(String, String)] = [],
        timeout: Duration = .seconds(10)
    ) async throws -> Response {
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers {
            request += "\(name): \(value)\r\n"
        }
        request += "\r\n"
        return try await send(host: host, port: port, request: request, timeout: timeout)
    }

    /// A WebSocket handshake request for `path`; returns the server's answer (101 on success).
    public static func upgradeRequest(
        host: String = "127.0.0.1",
        port: Int,
        path: String = "/wss",
        headers: [(String, String)] = [],
        timeout: Duration = .seconds(10)
    ) async throws -> Response {
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers {
            request += "\(name): \(value)\r\n"
        }
        request += "\r\n"
        return try await send(host: host, port: port, request: request, timeout: timeout, stopAtHeaders: true)
    }

    public static func send(
        host: String,
        port: Int,
        request: String,
        timeout: Duration,
        stopAtHeaders: Bool = false
    ) async throws -> Response {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let rawChannel = channel.channel
        let (seconds, attoseconds) = timeout.components
        let timer = rawChannel.eventLoop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            rawChannel.close(promise: nil)
        }
        defer { timer.cancel() }
        let text = try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var received = ByteBuffer()
            do {
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                    if stopAtHeaders, received.readableBytesView.firstRange(of: Array("\r\n\r\n".utf8)) != nil {
                        break
                    }
                }
            } catch {
                // A reset after the response is fine; an empty response is caught below.
            }
            return String(buffer: received)
        }
        return try parse(text)
    }

    static func parse(_ text: String) throws -> Response {
        guard let headerEnd = text.firstRange(of: "\r\n\r\n") else { throw MalformedResponse(text: text) }
        let lines = text[..<headerEnd.lowerBound].split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw MalformedResponse(text: text) }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop(while: { $0 == " " })))
        }
        return Response(status: status, headers: headers, body: String(text[headerEnd.upperBound...]))
    }
}
