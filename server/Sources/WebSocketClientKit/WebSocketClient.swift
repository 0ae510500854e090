import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A minimal WebSocket client on SwiftNIO's WebSocket codec and client upgrader, used by the
/// tests and the load test. Unlike a full client it lets the caller send any frame, including
/// invalid ones, and reports the close code the server sent.
public enum WebSocketClient {
    public enum ClientError: Error, Equatable {
        /// The server answered the handshake with something other than 101.
        case upgradeRefused
    }

    enum UpgradeResult: Sendable {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case notUpgraded(any Channel)
    }

    /// Connects to `ws://host:port/path`, runs `body` with the open connection, then closes the
    /// socket (without a close handshake unless `body` did one).
    public static func connect<Result>(
        host: String = "127.0.0.1",
        port: Int,
        path: String = "/wss",
        headers extraHeaders: [(String, String)] = [],
        maxFrameSize: Int = 1 << 24,
        receiveBufferSize: Int? = nil,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        _ body: (WebSocketConnection) async throws -> Result
    ) async throws -> Result {
        var bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.seconds(10))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        if let receiveBufferSize {
            // Only when asked: SO_RCVBUF 0 is not "the default" but the kernel's minimum (about 4 KiB),
            // and on loopback (64 KiB segments) such a window stalls the sender for the zero-window
            // probe's back-off (seconds, then tens of seconds).
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: .init(receiveBufferSize))
        }
        let upgrade = try await bootstrap
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<UpgradeResult>(
                        maxFrameSize: maxFrameSize,
                        upgradePipelineHandler: { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                .websocket(try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(wrappingChannelSynchronously: channel))
                            }
                        }
                    )
                    var headers = HTTPHeaders()
                    headers.add(name: "Host", value: "\(host):\(port)")
                    for (name, value) in extraHeaders {
                        headers.add(name: name, value: value)
                    }
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration(
                        upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers),
                        upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in
                            channel.eventLoop.makeSucceededFuture(.notUpgraded(channel))
                        }
                    )
                    var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                    // The server's first frame can arrive in the same read as its 101 response.
                    pipeline.leftOverBytesStrategy = .forwardBytes
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
                }
            }
        switch try await upgrade.get() {
        case .notUpgraded(let channel):
            try? await channel.close()
            throw ClientError.upgradeRefused
        case .websocket(let asyncChannel):
            let channel = asyncChannel.channel
            var result: Result?
            do {
                try await asyncChannel.executeThenClose { inbound, outbound in
                    let connection = WebSocketConnection(channel: channel, inbound: inbound.makeAsyncIterator(), outbound: outbound)
                    result = try await body(connection)
                }
            } catch let error as ChannelError where result != nil && (error == .ioOnClosedChannel || error == .alreadyClosed) {
                // The server (or a receive timeout) closed the socket first; the body finished.
            }
            return result!
        }
    }
}

/// One open client connection. Use it from one task only.
public final class WebSocketConnection {
    public enum Event: Equatable, Sendable {
        case text(String)
        case binary([UInt8])
        /// The server's close frame: its status code (nil if it sent none) and reason.
        case close(code: UInt16?, reason: String)
        /// The connection ended without a close frame.
        case disconnected
        /// Nothing arrived in time; the connection has been closed.
        case timedOut
    }

    let channel: any Channel
    var inbound: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    private var sentClose = false

    init(
        channel: any Channel,
        inbound: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    ) {
        self.channel = channel
        self.inbound = inbound
        self.outbound = outbound
    }

    /// A handle that can send on this connection from another task while this one receives.
    public var sender: WebSocketSender {
        WebSocketSender(outbound: outbound, allocator: channel.allocator)
    }

    public func send(text: String) async throws {
        try await send(opcode: .text, payload: Array(text.utf8))
    }

    /// Sends one frame, masked as a client must unless `masked` is false (which RFC 6455 forbids:
    /// for testing servers). The payload is not checked in any way.
    public func send(opcode: WebSocketOpcode, payload: [UInt8], fin: Bool = true, masked: Bool = true) async throws {
        var buffer = channel.allocator.buffer(capacity: payload.count)
        buffer.writeBytes(payload)
        try await outbound.write(WebSocketFrame(fin: fin, opcode: opcode, maskKey: masked ? .random() : nil, data: buffer))
    }

    /// Starts the close handshake.
    public func sendClose(code: UInt16 = 1000, reason: String = "") async throws {
        var buffer = channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        buffer.writeInteger(code)
        buffer.writeString(reason)
        sentClose = true
        try await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: buffer))
    }

    /// The next message or close. Pings are answered, fragmented messages reassembled.
    /// After `timeout` without a message, the connection is closed and `.timedOut` returned.
    public func receive(timeout: Duration = .seconds(30)) async throws -> Event {
        let fired = NIOLockedValueBox(false)
        let channel = self.channel
        let (seconds, attoseconds) = timeout.components
        let timer = channel.eventLoop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            fired.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        do {
            let event = try await nextEvent()
            if fired.withLockedValue({ $0 }), event == .disconnected { return .timedOut }
            return event
        } catch {
            if fired.withLockedValue({ $0 }) { return .timedOut }
            throw error
        }
    }

    private func nextEvent() async throws -> Event {
        var message: (opcode: WebSocketOpcode, bytes: ByteBuffer)?
        while let frame = try await inbound.next() {
            switch frame.opcode {
            case .ping:
                if !sentClose {
                    // The server may have closed already; the close (or end) is read next.
                    try? await outbound.write(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
                }
            case .pong:
                continue
            case .connectionClose:
                var data = frame.unmaskedData
                let code: UInt16? = data.readInteger()
                let reason = data.readString(length: data.readableBytes) ?? ""
                if !sentClose {
                    // Echo the close as the protocol asks; the server then closes the socket.
                    sentClose = true
                    var echo = channel.allocator.buffer(capacity: 2)
                    if let code { echo.writeInteger(code) }
                    try? await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: echo))
                }
                return .close(code: code, reason: reason)
            case .text, .binary:
                message = (frame.opcode, frame.unmaskedData)
                if frame.fin { return Self.event(message!) }
            case .continuation:
                guard message != nil else { continue }
                var data = frame.unmaskedData
                message!.bytes.writeBuffer(&data)
                if frame.fin { return Self.event(message!) }
            default:
                continue
            }
        }
        return .disconnected
    }

    private static func event(_ message: (opcode: WebSocketOpcode, bytes: ByteBuffer)) -> Event {
        if message.opcode == .text {
            return .text(String(buffer: message.bytes))
        }
        return .binary(Array(message.bytes.readableBytesView))
    }
}

/// Sends text frames on a connection; safe to use from another task than the receiving one.
public struct WebSocketSender: Sendable {
    let outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    let allocator: ByteBufferAllocator

    public func send(text: String) async throws {
        var buffer = allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        try await outbound.write(WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer))
    }
}
