import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The whole server: Hummingbird application (HTTP routes and the `/wss` upgrade) plus the
/// `ConnectionManager`, run together in one `ServiceGroup`.
public final class BroadcastServer: Sendable {
    public static let webSocketPath = "/wss"

    public let configuration: ServerConfiguration
    public let manager: ConnectionManager
    /// The cross-task backplane, when `configuration.backplane` is set.
    public let backplane: (any Backplane)?
    let pending: PendingConnections
    let logger: Logger
    private let group = Mutex<ServiceGroup?>(nil)
    private let shutdownRequested = Mutex(false)

    /// - Parameter onShutdownStarted: called once when graceful shutdown begins (the executable
    ///   arms its exit watchdog there).
    public init(configuration: ServerConfiguration, logger: Logger, onShutdownStarted: @escaping @Sendable () -> Void = {}) {
        self.configuration = configuration
        self.logger = logger
        let closeGrace = min(Duration.seconds(5), configuration.drainTimeout / 2)
        let backplane: (any Backplane)? = configuration.backplane.map { PostgresBackplane(configuration: $0, logger: logger) }
        self.backplane = backplane
        self.manager = ConnectionManager(
            settings: .init(
                maxConnections: configuration.maxConnections,
                clientQueueSize: configuration.clientQueueSize,
                maxFrameSize: configuration.maxMessageBytes,
                drainTimeout: configuration.drainTimeout,
                closeGrace: closeGrace
            ),
            logger: logger,
            relay: { message in backplane?.publish(message) },
            onShutdownStarted: onShutdownStarted
        )
        let pendingLimit = configuration.maxPendingConnections
            ?? PendingConnections.defaultLimit(descriptorLimit: PendingConnections.descriptorLimit() ?? Int.max)
        self.pending = PendingConnections(limit: pendingLimit)
    }

    /// Connections accepted that have not sent their first request head yet.
    public var pendingConnections: Int { pending.count }
    /// The most such connections kept at once (`MAX_PENDING_CONNECTIONS`, or derived from the descriptor limit).
    public var pendingConnectionLimit: Int { pending.limit }
    /// The process's soft limit on open file descriptors, nil if unknown or unlimited.
    public static var descriptorLimit: Int? { PendingConnections.descriptorLimit() }
    /// Pending connections closed so far to make room for newer ones.
    public var pendingConnectionsEvicted: Int { pending.evictedCount }

    /// Runs until a graceful shutdown (a signal in `gracefulShutdownSignals`, or
    /// `triggerGracefulShutdown()`) has completed.
    /// - Parameter onServerRunning: called with the bound port once the server listens.
    public func run(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> ShutdownOutcome {
        let app = makeApplication(onServerRunning: onServerRunning)
        // Order matters: on shutdown the group stops the last service first, so the manager
        // closes clients with 1001 and drains before the application stops its listener, and the
        // backplane (first) stops only after that.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let backplane {
            services.append(.init(service: BackplaneService(backplane: backplane, manager: manager)))
        }
        services.append(.init(service: app))
        services.append(.init(service: manager))
        let serviceGroup = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger
            )
        )
        group.withLock { $0 = serviceGroup }
        if shutdownRequested.withLock({ $0 }) {
            await serviceGroup.triggerGracefulShutdown()
        }
        try await serviceGroup.run()
        let outcome = manager.outcome
        logger.notice("shutdown: complete", metadata: ["outcome": "\(outcome)"])
        return outcome
    }

    /// Starts the same graceful shutdown as SIGTERM.
    public func triggerGracefulShutdown() async {
        shutdownRequested.withLock { $0 = true }
        if let serviceGroup = group.withLock({ $0 }) {
            await serviceGroup.triggerGracefulShutdown()
        }
    }

    func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let manager = self.manager
        let backplane = self.backplane
        let configuration = self.configuration
        let router = Router()
        // First, so that a refused upgrade is answered whatever its method and path.
        router.add(middleware: RefusalMiddleware())
        if let originVerify = configuration.originVerify {
            router.add(middleware: OriginVerifyMiddleware(originVerify: originVerify, logger: logger))
        }
        let health: @Sendable (Request, BasicRequestContext) -> Response = { _, _ in
            if manager.isShuttingDown {
                return .plainText("Shutting down", status: .serviceUnavailable)
            }
            // Degraded still answers 200: the load balancer keeps the task, whose own clients are fine.
            if case .degraded(let reason) = backplane?.status {
                return .plainText("Ok (degraded: \(reason))")
            }
            return .plainText("Ok")
        }
        router.get("/", use: health)
        router.head("/", use: health)
        router.get("/health", use: health)
        router.head("/health", use: health)
        router.get(RouterPath(stringLiteral: Self.webSocketPath)) { _, _ -> Response in
            // Reached only by a GET that did not ask for an upgrade.
            var response = Response.plainText("WebSocket upgrade required", status: .upgradeRequired)
            response.headers[.upgrade] = "websocket"
            return response
        }

        let path = Self.webSocketPath
        let webSocketConfiguration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: .init(idleTimeout: .seconds(65)),
            ws: WebSocketServerConfiguration(
                maxFrameSize: configuration.maxMessageBytes,
                autoPing: .enabled(timePeriod: configuration.pingInterval),
                closeTimeout: manager.settings.closeGrace,
                validateUTF8: true
            )
        )
        let policy = AdmissionPolicy(
            path: path,
            originVerify: configuration.originVerify,
            manager: manager,
            pending: pending,
            headTimeout: configuration.headTimeout,
            logger: logger
        )
        let server = HTTPServerBuilder { responder in
            GatedWebSocketChannel(
                base: HTTP1WebSocketUpgradeChannel(
                    responder: responder,
                    configuration: webSocketConfiguration
                ) { request, channel, logger in
                    let requestPath = request.path.map { $0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? $0 }
                    guard requestPath == path else { return .dontUpgrade }
                    return .upgrade([:]) { inbound, outbound, context in
                        try await manager.serve(inbound: inbound, outbound: outbound, channel: channel, logger: context.logger)
                    }
                },
                policy: policy,
                closeGrace: manager.settings.closeGrace
            )
        }
        return Application(
            router: router,
            server: server,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil,
                backlog: 4096
            ),
            onServerRunning: { channel in
                await onServerRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
    }
}

/// Answers an upgrade the `UpgradeGate` refused, with the status its refusal calls for.
struct RefusalMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let refusal = request.headers[UpgradeGate.refusalHeaderName].flatMap(UpgradeGate.Refusal.init(rawValue:)) else {
            return try await next(request, context)
        }
        switch refusal {
        case .forbidden:
            return .plainText("Forbidden", status: .forbidden)
        case .atCapacity:
            var response = Response.plainText("Connection limit reached", status: .serviceUnavailable)
            response.headers[.retryAfter] = "5"
            return response
        case .shuttingDown:
            var response = Response.plainText("Shutting down", status: .serviceUnavailable)
            response.headers[.retryAfter] = "1"
            return response
        case .badHandshake:
            return .plainText("Malformed WebSocket handshake", status: .badRequest)
        case .unsupportedVersion:
            var response = Response.plainText("Unsupported WebSocket version", status: .upgradeRequired)
            response.headers[.secWebSocketVersion] = HandshakeCheck.supportedVersion
            return response
        }
    }
}

/// 403 for any request without the configured header, except the health checks (`/` and
/// `/health`), which the load balancer sends without it. Upgrade requests are checked earlier,
/// by the `UpgradeGate`, and its refusals answered by `RefusalMiddleware` before this one.
struct OriginVerifyMiddleware<Context: RequestContext>: RouterMiddleware {
    let name: HTTPField.Name
    let expected: String
    let logger: Logger

    init(originVerify: ServerConfiguration.OriginVerify, logger: Logger) {
        // The configuration only accepts header names made of token characters.
        self.name = HTTPField.Name(originVerify.header)!
        self.expected = originVerify.value
        self.logger = logger
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if (request.method == .get || request.method == .head) && (path == "/" || path == "/health") {
            return try await next(request, context)
        }
        guard OriginCheck.matches(request.headers[values: name], expected: expected) else {
            logger.notice("request refused: origin verify header missing or wrong", metadata: ["path": "\(path)", "status": "403"])
            return .plainText("Forbidden", status: .forbidden)
        }
        return try await next(request, context)
    }
}

extension UpgradeGate {
    static let refusalHeaderName = HTTPField.Name(refusalHeader)!
}

extension Response {
    static func plainText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

/// Runs the backplane inside the service group, handing what other tasks publish to the
/// local clients.
struct BackplaneService: Service {
    let backplane: any Backplane
    let manager: ConnectionManager

    func run() async throws {
        let manager = self.manager
        try await backplane.run { message in manager.broadcast(message) }
    }
}
