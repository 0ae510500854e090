import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Guards the first request on a connection, between the HTTP decoder and NIO's upgrade handler.
///
/// - The first request head must arrive within the head timeout, else the connection is answered
///   408 and closed. Until it arrives the connection counts as pending (`PendingConnections`);
///   evicted to make room for a newer one, it is answered 503.
/// - Bytes that are not HTTP are answered 400 and the connection closed (without the gate, NIO
///   would leave such a connection open, silent).
/// - A WebSocket upgrade request is checked (`HandshakeCheck`, origin header, connection limit,
///   shutdown). Hummingbird answers every declined upgrade with 400 or not at all, but clients and
///   the load balancer need 403, 426 and 503 too, so the gate turns a refused upgrade into an
///   ordinary request carrying an internal header, which `RefusalMiddleware` answers.
///
/// The gate leaves the pipeline after the first head: only the first request on a connection can
/// be an upgrade (Hummingbird redirects later ones to a new connection), and after an upgrade the
/// pipeline carries WebSocket frames.
final class UpgradeGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// What became of a connection's first request; `GatedWebSocketChannel` waits for it.
    enum Outcome: Sendable, Equatable {
        /// The head went on to the upgrade handler (admitted, or turned into a refusal).
        case forwarded
        /// The gate answered and closed the connection (timeout, eviction, not HTTP, shutdown).
        case answered
        /// The connection closed before its first head arrived.
        case closed
    }

    /// Internal header carrying the refusal to the router. Any copy sent by a client is removed.
    static let refusalHeader = "x-wss-refusal"

    enum Refusal: String {
        case forbidden
        case atCapacity = "at-capacity"
        case shuttingDown = "shutting-down"
        case badHandshake = "bad-handshake"
        case unsupportedVersion = "unsupported-version"
    }

    let policy: AdmissionPolicy
    private let outcome: EventLoopPromise<Outcome>
    private var decided = false
    private var timer: Scheduled<Void>?
    private var ticket: UInt64?

    init(policy: AdmissionPolicy, outcome: EventLoopPromise<Outcome>) {
        self.policy = policy
        self.outcome = outcome
    }

    func handlerAdded(context: ChannelHandlerContext) {
        ticket = policy.pending.add(context.channel)
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(policy.headTimeout.nanosecondsClamped)) {
            self.timer = nil
            self.policy.logger.info(
                "connection closed: no request head in time",
                metadata: ["peer": "\(Self.peer(context.channel))", "head.timeout.s": "\(self.policy.headTimeout.secondsValue)", "status": "408"]
            )
            self.answer(context: context, status: .requestTimeout, text: "Request head not received in time")
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        // The connection closed (or the gate left after forwarding the head): either way it no longer waits.
        settle()
        outcome.succeed(.closed)  // no effect if already completed
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !decided else { return }  // answered already: the rest is dropped until the close
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        settle()
        head.headers.remove(name: Self.refusalHeader)
        if Self.isWebSocketUpgrade(head), let refusal = policy.check(head, channel: context.channel) {
            // Strip the upgrade so NIO treats it as an ordinary request (its body, if any, is read as one).
            head.headers.remove(name: "upgrade")
            head.headers.remove(name: "connection")
            head.headers.replaceOrAdd(name: "connection", value: "close")
            head.headers.add(name: Self.refusalHeader, value: refusal.rawValue)
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
        outcome.succeed(.forwarded)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !decided, error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        policy.logger.info(
            "request refused: not valid HTTP",
            metadata: ["peer": "\(Self.peer(context.channel))", "error": "\(error)", "status": "400"]
        )
        answer(context: context, status: .badRequest, text: "Malformed HTTP request")
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is PendingConnections.Evict:
            // Meant for this gate only; a gate that has already decided ignores it.
            guard !decided else { return }
            policy.logger.info(
                "connection closed: too many connections waiting for a request head",
                metadata: ["peer": "\(Self.peer(context.channel))", "pending.limit": "\(policy.pending.limit)", "status": "503"]
            )
            answer(context: context, status: .serviceUnavailable, text: "Too many pending connections", retryAfter: "1")
        case is ChannelShouldQuiesceEvent where !decided:
            // Shutting down, and this connection has not asked for anything yet.
            answer(context: context, status: .serviceUnavailable, text: "Shutting down", retryAfter: "1")
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// The decision is made: no more timer, no longer pending.
    private func settle() {
        decided = true
        timer?.cancel()
        timer = nil
        if let ticket {
            policy.pending.remove(ticket)
            self.ticket = nil
        }
    }

    /// Answers `status` with `text` and closes the connection once the answer is written.
    private func answer(context: ChannelHandlerContext, status: HTTPResponseStatus, text: String, retryAfter: String? = nil) {
        guard !decided else { return }
        settle()
        var headers = HTTPHeaders([
            ("content-type", "text/plain; charset=utf-8"), ("content-length", "\(text.utf8.count)"), ("connection", "close"),
        ])
        if let retryAfter { headers.add(name: "retry-after", value: retryAfter) }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        outcome.succeed(.answered)
    }

    static func isWebSocketUpgrade(_ head: HTTPRequestHead) -> Bool {
        HandshakeCheck.tokens(head.headers["upgrade"]).contains("websocket")
    }

    static func peer(_ channel: any Channel) -> String {
        channel.remoteAddress.map { "\($0)" } ?? "unknown"
    }
}

/// The checks the gate applies, and what it needs for them; shared by every connection.
struct AdmissionPolicy: Sendable {
    let path: String
    let originVerify: ServerConfiguration.OriginVerify?
    let manager: ConnectionManager
    let pending: PendingConnections
    let headTimeout: Duration
    let logger: Logger

    /// nil when the upgrade may go ahead (and a connection slot is now held), else why not.
    func check(_ head: HTTPRequestHead, channel: any Channel) -> UpgradeGate.Refusal? {
        let peer = UpgradeGate.peer(channel)
        if let originVerify, !OriginCheck.matches(head.headers[originVerify.header], expected: originVerify.value) {
            logger.notice("upgrade refused: origin verify header missing or wrong", metadata: ["peer": "\(peer)", "status": "403"])
            return .forbidden
        }
        if let problem = HandshakeCheck.problem(with: head) {
            logger.notice(
                "upgrade refused: malformed handshake",
                metadata: ["peer": "\(peer)", "problem": "\(problem)", "status": "\(problem.status)"]
            )
            return problem == .unsupportedVersion ? .unsupportedVersion : .badHandshake
        }
        let requestPath = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head.uri
        guard requestPath == path else {
            return nil  // not ours: Hummingbird declines it (400)
        }
        switch manager.admit(channel: channel) {
        case .admitted:
            return nil
        case .atCapacity:
            logger.warning(
                "upgrade refused: connection limit reached",
                metadata: ["peer": "\(peer)", "limit": "\(manager.settings.maxConnections)", "status": "503"]
            )
            return .atCapacity
        case .shuttingDown:
            logger.notice("upgrade refused: shutting down", metadata: ["peer": "\(peer)", "status": "503"])
            return .shuttingDown
        }
    }
}

enum OriginCheck {
    /// Exactly one header value, equal to `expected` (compared without an early exit).
    static func matches(_ values: [String], expected: String) -> Bool {
        guard values.count == 1 else { return false }
        return constantTimeEqual(values[0], expected)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        if left.count != right.count { difference |= 1 }
        for index in 0..<min(left.count, right.count) {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}

extension Substring {
    func trimmingWhitespaceASCII() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
