import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import ServiceLifecycle
import Synchronization

/// How the last shutdown went; the executable turns it into its exit status.
public enum ShutdownOutcome: Sendable, Equatable {
    /// Every client was closed and every connection had ended within the drain limit.
    case drained
    /// The drain limit passed with connections still open; they were closed by force.
    case drainTimedOut
    /// The service ended without a graceful shutdown (cancelled, or the server failed).
    case notShutDown
}

/// Owns every WebSocket connection: admission (connection limit), fan-out of broadcasts
/// through bounded per-client queues, and the graceful shutdown that closes clients with 1001.
///
/// It is a `Service` so that it can run in the same `ServiceGroup` as the Hummingbird
/// application, listed after it: the group shuts services down in reverse order, so the
/// manager closes the clients (1001 "Server shutting down") before the application's own
/// graceful shutdown would close them with 1000.
public final class ConnectionManager: Service, Sendable {
    public struct Settings: Sendable {
        public var maxConnections: Int
        public var clientQueueSize: Int
        public var maxFrameSize: Int
        public var drainTimeout: Duration
        /// How long a client gets to finish a close handshake before its socket is closed.
        public var closeGrace: Duration
    }

    public enum Admission: Sendable, Equatable {
        case admitted
        case atCapacity
        case shuttingDown
    }

    private struct State {
        /// Connections holding a slot: counted from the admitted upgrade request until the
        /// TCP connection has closed, so the limit and the drain cover handshakes too.
        var slots = 0
        var clients: [UInt64: ClientSession] = [:]
        var nextID: UInt64 = 1
        var shuttingDown = false
        var outcome: ShutdownOutcome = .notShutDown
        var slowClientsClosed = 0
    }

    private let state = Mutex(State())
    let settings: Settings
    let logger: Logger
    private let greeting: ByteBuffer
    private let onShutdownStarted: @Sendable () -> Void
    /// Receives every message a local client sends, after its local broadcast (the backplane).
    private let relay: @Sendable (ByteBuffer) -> Void

    public init(
        settings: Settings,
        logger: Logger,
        relay: @escaping @Sendable (ByteBuffer) -> Void = { _ in },
        onShutdownStarted: @escaping @Sendable () -> Void = {}
    ) {
        self.settings = settings
        self.logger = logger
        self.relay = relay
        self.greeting = ByteBuffer(string: JSONText.greeting)
        self.onShutdownStarted = onShutdownStarted
    }

    // MARK: Introspection

    /// Connections currently holding a slot (open WebSockets plus handshakes in progress).
    public var openConnections: Int { state.withLock { $0.slots } }
    /// Registered WebSocket clients.
    public var clientCount: Int { state.withLock { $0.clients.count } }
    public var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }
    public var outcome: ShutdownOutcome { state.withLock { $0.outcome } }
    /// Clients closed with 1013 because their outgoing queue was full.
    public var slowClientsClosed: Int { state.withLock { $0.slowClientsClosed } }

    // MARK: Admission

    /// Takes a connection slot for `channel` if the limit allows; the slot is given back when
    /// the channel closes, whatever happens to the upgrade.
    func admit(channel: any Channel) -> Admission {
        let admission = state.withLock { state -> Admission in
            if state.shuttingDown { return .shuttingDown }
            if state.slots >= settings.maxConnections { return .atCapacity }
            state.slots += 1
            return .admitted
        }
        if admission == .admitted {
            channel.closeFuture.whenComplete { _ in
                self.state.withLock { $0.slots -= 1 }
            }
        }
        return admission
    }

    // MARK: Serving one client

    /// Runs one WebSocket connection until it ends. Errors from the inbound stream (oversized
    /// or invalid messages) are rethrown so that the WebSocket handler closes with their code.
    func serve(
        inbound: WebSocketInboundStream,
        outbound: WebSocketOutboundWriter,
        channel: any Channel,
        logger baseLogger: Logger
    ) async throws {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ByteBuffer.self,
            bufferingPolicy: .bufferingOldest(settings.clientQueueSize)
        )
        // The greeting goes in before the client is visible to broadcasts, so it comes first.
        continuation.yield(greeting)

        let (session, clientsNow, lateForShutdown) = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            let session = ClientSession(
                id: id,
                channel: channel,
                outbound: outbound,
                continuation: continuation,
                maxFrameSize: settings.maxFrameSize
            )
            state.clients[id] = session
            return (session, state.clients.count, state.shuttingDown)
        }
        var logger = baseLogger
        logger[metadataKey: "ws.client"] = "\(session.id)"
        let peer = channel.remoteAddress.map { "\($0)" } ?? "unknown"
        logger.info("client connected", metadata: ["peer": "\(peer)", "clients": "\(clientsNow)"])
        if lateForShutdown {
            session.requestClose(.shutdown, forceAfter: settings.closeGrace)
        }

        let start = ContinuousClock.now
        let writer = Task { await session.runWriter(stream) }
        var received = 0
        var endReason = "client closed"
        defer {
            continuation.finish()
            writer.cancel()
            let remaining = state.withLock { state in
                state.clients[session.id] = nil
                return state.clients.count
            }
            var metadata: Logger.Metadata = [
                "reason": "\(endReason)",
                "messages.received": "\(received)",
                "duration.s": "\(((ContinuousClock.now - start).secondsValue * 1000).rounded() / 1000)",
                "clients": "\(remaining)",
            ]
            if let request = session.closeRequest {
                metadata["close.code"] = "\(request.code)"
            }
            logger.info("client disconnected", metadata: metadata)
        }

        do {
            for try await message in inbound.messages(maxSize: settings.maxFrameSize) {
                switch message {
                case .text(let text):
                    received += 1
                    let envelope = JSONText.envelope(for: text, allocator: channel.allocator)
                    broadcast(envelope)
                    relay(envelope)
                case .binary:
                    received += 1
                    if session.requestClose(.binaryNotSupported, forceAfter: settings.closeGrace) {
                        logger.notice("closing client: binary message", metadata: ["close.code": "1003"])
                    }
                }
            }
            if let request = session.closeRequest {
                endReason = request.logReason
            }
        } catch {
            endReason = "error: \(error)"
            throw error
        }
    }

    // MARK: Broadcast

    /// Queues `buffer` (already a complete JSON text) for every connected client. A client whose
    /// queue is full is closed with 1013 instead of holding the others back.
    public func broadcast(_ buffer: ByteBuffer) {
        var overflowed: [ClientSession] = []
        state.withLock { state in
            for session in state.clients.values {
                if case .dropped = session.continuation.yield(buffer) {
                    overflowed.append(session)
                }
            }
        }
        for session in overflowed where session.requestClose(.slowClient, forceAfter: settings.closeGrace) {
            state.withLock { $0.slowClientsClosed += 1 }
            logger.warning(
                "closing slow client: outgoing queue full",
                metadata: ["ws.client": "\(session.id)", "queue.size": "\(settings.clientQueueSize)", "close.code": "1013"]
            )
        }
    }

    // MARK: Service

    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the group is going down without a graceful shutdown
        }
        await drain()
    }

    /// Stops admitting clients, closes every client with 1001, then waits (bounded by the drain
    /// limit) for every connection to end.
    func drain() async {
        let started = ContinuousClock.now
        let deadline = started.advanced(by: settings.drainTimeout)
        let sessions = state.withLock { state -> [ClientSession] in
            state.shuttingDown = true
            return Array(state.clients.values)
        }
        onShutdownStarted()
        logger.notice(
            "shutdown: closing clients",
            metadata: ["clients": "\(sessions.count)", "close.code": "1001", "drain.limit.s": "\(settings.drainTimeout.secondsValue)"]
        )
        for session in sessions {
            session.requestClose(.shutdown, forceAfter: settings.closeGrace)
        }
        while ContinuousClock.now < deadline {
            if openConnections == 0 { break }
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                break
            }
        }
        let left = openConnections
        let elapsed = (ContinuousClock.now - started).secondsValue
        if left == 0 {
            state.withLock { $0.outcome = .drained }
            logger.notice("shutdown: all connections drained", metadata: ["elapsed.s": "\((elapsed * 1000).rounded() / 1000)"])
        } else {
            state.withLock { $0.outcome = .drainTimedOut }
            logger.error(
                "shutdown: drain limit exceeded, closing remaining connections",
                metadata: ["connections": "\(left)", "elapsed.s": "\((elapsed * 1000).rounded() / 1000)"]
            )
            for session in state.withLock({ Array($0.clients.values) }) {
                session.channel.close(promise: nil)
            }
        }
    }
}

/// Why the server closes a client.
struct CloseRequest: Sendable {
    var code: WebSocketErrorCode
    var reason: String
    /// Deliver what is already queued before the close frame (shutdown), or skip it (slow client).
    var flushQueued: Bool
    var logReason: String

    static let shutdown = CloseRequest(code: .goingAway, reason: "Server shutting down", flushQueued: true, logReason: "server shutting down")
    static let slowClient = CloseRequest(code: .unknown(1013), reason: "Client too slow", flushQueued: false, logReason: "outgoing queue full")
    static let binaryNotSupported = CloseRequest(
        code: .unacceptableData,
        reason: "Binary messages are not supported",
        flushQueued: true,
        logReason: "binary message"
    )
}

/// One connected client: its bounded outgoing queue and the task that writes it out.
final class ClientSession: Sendable {
    let id: UInt64
    let channel: any Channel
    let outbound: WebSocketOutboundWriter
    let continuation: AsyncStream<ByteBuffer>.Continuation
    let maxFrameSize: Int
    private let pendingClose = Mutex<CloseRequest?>(nil)

    init(
        id: UInt64,
        channel: any Channel,
        outbound: WebSocketOutboundWriter,
        continuation: AsyncStream<ByteBuffer>.Continuation,
        maxFrameSize: Int
    ) {
        self.id = id
        self.channel = channel
        self.outbound = outbound
        self.continuation = continuation
        self.maxFrameSize = maxFrameSize
    }

    var closeRequest: CloseRequest? { pendingClose.withLock { $0 } }

    /// Asks for the connection to be closed with `request`'s code. Only the first request counts.
    /// If the client has not completed the close handshake after `forceAfter`, the socket is closed.
    @discardableResult
    func requestClose(_ request: CloseRequest, forceAfter: Duration) -> Bool {
        let first = pendingClose.withLock { pending -> Bool in
            guard pending == nil else { return false }
            pending = request
            return true
        }
        guard first else { return false }
        // Ends the writer loop once it has written what is queued (or at once, see runWriter).
        continuation.finish()
        if !request.flushQueued {
            // The writer may be stuck behind a full socket; send the close frame from here.
            let outbound = self.outbound
            Task { try? await outbound.close(request.code, reason: request.reason) }
        }
        let channel = self.channel
        let (seconds, attoseconds) = forceAfter.components
        let force = channel.eventLoop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            channel.close(promise: nil)
        }
        channel.closeFuture.whenComplete { _ in force.cancel() }
        return true
    }

    func runWriter(_ stream: AsyncStream<ByteBuffer>) async {
        do {
            for await buffer in stream {
                if let request = closeRequest, !request.flushQueued { return }
                try await writeText(buffer)
            }
            if let request = closeRequest, request.flushQueued {
                try await outbound.close(request.code, reason: request.reason)
            }
        } catch {
            // The connection is gone or closing; nothing left to deliver.
        }
    }

    /// Writes one text message, split into frames no larger than the frame limit.
    private func writeText(_ buffer: ByteBuffer) async throws {
        guard buffer.readableBytes > maxFrameSize else {
            try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: buffer)))
            return
        }
        var rest = buffer
        var opcode = WebSocketOpcode.text
        while rest.readableBytes > maxFrameSize, let slice = rest.readSlice(length: maxFrameSize) {
            try await outbound.write(.custom(WebSocketFrame(fin: false, opcode: opcode, data: slice)))
            opcode = .continuation
        }
        try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: opcode, data: rest)))
    }
}
