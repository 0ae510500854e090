import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Decides, before the WebSocket handshake, whether an upgrade request may proceed.
///
/// Hummingbird answers every declined upgrade with 400, but the load balancer and clients
/// need 403 (origin check failed) and 503 (connection limit, shutting down). So this handler
/// sits between the HTTP decoder and NIO's upgrade handler: it lets admitted upgrades through
/// untouched, and turns a refused one into a plain GET carrying an internal header, which the
/// router answers with the right status.
final class UpgradeGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    /// Internal header carrying the refusal to the router. Any copy sent by a client is removed.
    static let refusalHeader = "x-wss-refusal"

    enum Refusal: String {
        case forbidden
        case atCapacity = "at-capacity"
        case shuttingDown = "shutting-down"
    }

    let policy: AdmissionPolicy

    init(policy: AdmissionPolicy) {
        self.policy = policy
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        head.headers.remove(name: Self.refusalHeader)
        if Self.isWebSocketUpgrade(head) {
            if let refusal = policy.check(head, channel: context.channel) {
                // Strip the upgrade so NIO treats it as an ordinary request.
                head.headers.remove(name: "upgrade")
                head.headers.remove(name: "connection")
                head.headers.replaceOrAdd(name: "connection", value: "close")
                head.headers.add(name: Self.refusalHeader, value: refusal.rawValue)
            }
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
        // Only the first request on a connection can be an upgrade (Hummingbird redirects
        // later ones to a new connection), and after an upgrade this pipeline carries
        // WebSocket frames, so the gate leaves now.
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    static func isWebSocketUpgrade(_ head: HTTPRequestHead) -> Bool {
        head.headers["upgrade"].contains { value in
            value.split(separator: ",").contains { $0.trimmingWhitespaceASCII().lowercased() == "websocket" }
        }
    }
}

/// The checks the gate applies; shared by every connection.
struct AdmissionPolicy: Sendable {
    let path: String
    let originVerify: ServerConfiguration.OriginVerify?
    let manager: ConnectionManager
    let logger: Logger

    /// nil when the upgrade may go ahead (and a connection slot is now held), else why not.
    func check(_ head: HTTPRequestHead, channel: any Channel) -> UpgradeGate.Refusal? {
        let peer = channel.remoteAddress.map { "\($0)" } ?? "unknown"
        if let originVerify, !OriginCheck.matches(head.headers[originVerify.header], expected: originVerify.value) {
            logger.notice("upgrade refused: origin verify header missing or wrong", metadata: ["peer": "\(peer)", "status": "403"])
            return .forbidden
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

/// Wraps Hummingbird's HTTP1 + WebSocket child channel to insert the `UpgradeGate`.
struct GatedWebSocketChannel: ServerChildChannel {
    typealias Value = HTTP1WebSocketUpgradeChannel.Value

    let base: HTTP1WebSocketUpgradeChannel
    let policy: AdmissionPolicy

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let policy = self.policy
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let upgrader = try operations.handler(type: NIOTypedHTTPServerUpgradeHandler<HTTP1WebSocketUpgradeChannel.UpgradeResult>.self)
            try operations.addHandler(UpgradeGate(policy: policy), position: .before(upgrader))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
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
