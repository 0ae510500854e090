import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Hummingbird's HTTP/1 + WebSocket child channel with this server's guards added: the
/// `UpgradeGate` before NIO's upgrade handler, and, once a connection has upgraded, the
/// `ClientFrameMaskCheck` after the WebSocket frame decoder.
///
/// It also makes sure a connection ends when its handling does: Hummingbird leaves a connection
/// open when its upgrade fails half-way, which held its descriptor (and connection slot) for good.
struct GatedWebSocketChannel: ServerChildChannel {
    struct Value: ServerChildChannelValue {
        let base: HTTP1WebSocketUpgradeChannel.Value
        /// Completed by the gate once the first request head has been dealt with.
        let firstRequest: EventLoopFuture<UpgradeGate.Outcome>
        var channel: any Channel { base.channel }
    }

    let base: HTTP1WebSocketUpgradeChannel
    let policy: AdmissionPolicy
    /// How long a client that broke the protocol gets to read the close frame before the socket is closed.
    let closeGrace: Duration

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let policy = self.policy
        let closeGrace = self.closeGrace
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let outcome = channel.eventLoop.makePromise(of: UpgradeGate.Outcome.self)
            do {
                let operations = channel.pipeline.syncOperations
                let upgrader = try operations.handler(type: NIOTypedHTTPServerUpgradeHandler<HTTP1WebSocketUpgradeChannel.UpgradeResult>.self)
                try operations.addHandler(UpgradeGate(policy: policy, outcome: outcome), position: .before(upgrader))
                try operations.addHandler(
                    UpgradeCompletionWatcher(logger: policy.logger, closeGrace: closeGrace),
                    position: .after(upgrader)
                )
            } catch {
                outcome.fail(error)
                throw error
            }
            return Value(base: value, firstRequest: outcome.futureResult)
        }
    }

    func handle(value: Value, logger: Logger) async {
        if (try? await value.firstRequest.get()) == .forwarded {
            await base.handle(value: value.base, logger: logger)
        }
        // Whatever happened above, the connection (and any slot it holds) ends here.
        try? await value.channel.close()
    }
}

/// Sits right after NIO's upgrade handler until it knows how the first request went. When the
/// connection upgrades to WebSocket it puts a `ClientFrameMaskCheck` right after the frame decoder,
/// before any frame is passed on (NIO announces the upgrade before it replays buffered bytes);
/// otherwise it just leaves.
final class UpgradeCompletionWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never

    let logger: Logger
    let closeGrace: Duration

    init(logger: Logger, closeGrace: Duration) {
        self.logger = logger
        self.closeGrace = closeGrace
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Data before any upgrade event: the connection stays HTTP.
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let upgrade = event as? HTTPServerUpgradeEvents, case .upgradeComplete = upgrade else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        do {
            let operations = context.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<WebSocketFrameDecoder>.self)
            try operations.addHandler(ClientFrameMaskCheck(logger: logger, closeGrace: closeGrace), position: .after(decoder))
        } catch {
            // Without the check the connection would accept unmasked frames: refuse to carry on.
            logger.error("closing connection: could not install the frame mask check", metadata: ["error": "\(error)"])
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}

/// RFC 6455 §5.1: every frame a client sends must be masked, and a server must close the
/// connection on an unmasked one. This handler sends a close frame with 1002 (protocol error) and
/// drops that frame and every later one; frames the server would send after its close frame are
/// refused (`ChannelError.outputClosed`), as the protocol allows none. The socket is closed when
/// the client answers with its own close frame or ends the connection, or after the grace period:
/// closing at once would make the kernel reset the connection when the client's answer arrives.
final class ClientFrameMaskCheck: ChannelDuplexHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    static let closeReason = "Unmasked frame"

    let logger: Logger
    let closeGrace: Duration
    private var failed = false

    init(logger: Logger, closeGrace: Duration) {
        self.logger = logger
        self.closeGrace = closeGrace
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if failed {
            if frame.opcode == .connectionClose { context.close(promise: nil) }
            return
        }
        guard frame.maskKey == nil else {
            context.fireChannelRead(data)
            return
        }
        failed = true
        logger.notice(
            "closing client: unmasked frame",
            metadata: ["peer": "\(UpgradeGate.peer(context.channel))", "opcode": "\(frame.opcode)", "close.code": "1002"]
        )
        var payload = context.channel.allocator.buffer(capacity: 2 + Self.closeReason.utf8.count)
        payload.write(webSocketErrorCode: .protocolError)
        payload.writeString(Self.closeReason)
        let channel = context.channel
        let force = channel.eventLoop.scheduleTask(in: .nanoseconds(closeGrace.nanosecondsClamped)) {
            channel.close(promise: nil)
        }
        channel.closeFuture.whenComplete { _ in force.cancel() }
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)), promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !failed else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if failed, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)  // the client has gone: nothing left to wait for
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
