import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The backplane on PostgreSQL's LISTEN/NOTIFY. One connection per task: it LISTENs on the
/// channel, publishes this task's messages with `pg_notify` (each tagged with this task's id and a
/// per-task sequence number), and skips its own when they come back. Messages larger than a
/// notification go into the payload table and the notification carries the row id; rows older
/// than `Settings.retention` are pruned. A lost connection is retried with back-off; meanwhile
/// local delivery goes on and `status` is degraded.
public final class PostgresBackplane: Backplane {
    public struct Settings: Sendable {
        /// How long rows of the payload table are kept (a receiver reads a row within this time).
        public var retention: Duration = .seconds(60)
        /// Interval of the liveness query (which also prunes the payload table).
        public var heartbeat: Duration = .seconds(5)
        /// A query that takes longer closes the connection, which is then re-established.
        public var queryTimeout: Duration = .seconds(5)
        /// First and largest wait between reconnection attempts (doubling, with jitter).
        public var firstRetry: Duration = .milliseconds(250)
        public var maxRetry: Duration = .seconds(5)
        /// Outgoing messages waiting for the connection; beyond it they are dropped (and counted).
        public var outboxSize = 4096

        public init() {}
    }

    public let configuration: BackplaneConfiguration
    public let settings: Settings
    /// This task's id on the wire (random per process).
    public let sender: String
    private let logger: Logger

    private struct Outgoing: Sendable {
        var sequence: UInt64
        var message: ByteBuffer
    }

    private struct State {
        /// Set while connected: wakes the publisher, which takes everything in `pending` at once.
        var wake: AsyncStream<Void>.Continuation?
        var pending: [Outgoing] = []
        var nextSequence: UInt64 = 1
        var status = BackplaneStatus.degraded(reason: "not connected yet")
        var downSince: ContinuousClock.Instant? = .now
        /// Messages of this task not published since the connection went down.
        var unpublished = 0
    }

    private let state = Mutex(State())

    public init(configuration: BackplaneConfiguration, settings: Settings = .init(), logger: Logger) {
        self.configuration = configuration
        self.settings = settings
        self.logger = logger
        let id = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        self.sender = String(repeating: "0", count: 16 - id.count) + id
    }

    public var status: BackplaneStatus { state.withLock { $0.status } }

    public func publish(_ message: ByteBuffer) {
        state.withLock { state in
            let sequence = state.nextSequence
            state.nextSequence += 1
            guard let wake = state.wake, state.pending.count < settings.outboxSize else {
                state.unpublished += 1
                return
            }
            state.pending.append(Outgoing(sequence: sequence, message: message))
            wake.yield()
        }
    }

    public func run(deliver: @escaping @Sendable (ByteBuffer) -> Void) async throws {
        var metadata: Logger.Metadata = [
            "backplane.host": "\(configuration.host)", "backplane.channel": "\(configuration.channel)", "backplane.sender": "\(sender)",
        ]
        metadata["backplane.tls"] = "\(configuration.tls.rawValue)"
        logger.notice("backplane: starting", metadata: metadata)
        try? await cancelWhenGracefulShutdown {
            var attempt = 0
            var connectionID = 0
            // Kept across connections, so that what a sender published during an outage shows as a gap.
            var tracker = SequenceTracker()
            while !Task.isCancelled {
                connectionID += 1
                do {
                    try await self.session(id: connectionID, tracker: &tracker, deliver: deliver) { attempt = 0 }
                } catch where Task.isCancelled {
                    break
                } catch {
                    self.wentDown(because: "\(String(reflecting: error))")
                }
                let delay = Self.retryDelay(attempt: attempt, first: self.settings.firstRetry, max: self.settings.maxRetry)
                attempt += 1
                self.logger.info("backplane: reconnecting", metadata: ["attempt": "\(attempt)", "delay.s": "\(delay.secondsValue)"])
                try await Task.sleep(for: delay)
            }
        }
        state.withLock { state in
            state.wake?.finish()
            state.wake = nil
            state.unpublished += state.pending.count
            state.pending = []
            state.status = .degraded(reason: "stopped")
        }
        logger.notice("backplane: stopped")
    }

    /// Doubling from `first`, capped at `max`, the upper half random (so tasks do not reconnect in step).
    static func retryDelay(attempt: Int, first: Duration, max: Duration) -> Duration {
        let doubled = first * (1 << Swift.min(attempt, 16))
        let capped = Swift.min(doubled, max)
        return capped / 2 + capped / 2 * Double.random(in: 0...1)
    }

    // MARK: One connection

    /// One connection's life: connect, make sure the payload table exists, LISTEN, then publish,
    /// receive and heartbeat until something fails. Always throws (or is cancelled).
    private func session(
        id: Int,
        tracker: inout SequenceTracker,
        deliver: @escaping @Sendable (ByteBuffer) -> Void,
        connected: () -> Void
    ) async throws {
        let pgLogger = logger.atLeast(.warning)
        let connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(), id: id, logger: pgLogger)
        // Closed (and awaited) on every way out: postgres-nio requires a connection to be closed before it is released.
        do {
            let table = configuration.payloadTable
            try await withQueryTimeout(connection) {
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS \(unescaped: table) (
                      id bigserial PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())
                    """, logger: pgLogger)
            }
            try await connection.listen(on: configuration.channel) { notifications in
                let (wake, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
                cameUp(wake: continuation)
                connected()
                defer { continuation.finish() }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await self.publishLoop(wake, connection: connection, logger: pgLogger) }
                    group.addTask { try await self.heartbeatLoop(connection: connection, logger: pgLogger) }
                    for try await notification in notifications {
                        try await receive(notification.payload, tracker: &tracker, connection: connection, logger: pgLogger, deliver: deliver)
                    }
                    group.cancelAll()
                    throw ConnectionEnded()
                }
            }
            throw ConnectionEnded()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    struct ConnectionEnded: Error, CustomStringConvertible {
        var description: String { "the notification stream ended" }
    }

    /// Publishes what is pending each time it is woken: runs of small messages in one statement
    /// (`unnest` keeps their order), each large one through the payload table. One statement at a
    /// time, so a sender's messages are committed, and so notified, in order.
    private func publishLoop(_ wake: AsyncStream<Void>, connection: PostgresConnection, logger pgLogger: Logger) async throws {
        let channel = configuration.channel
        let table = configuration.payloadTable
        do {
            for await _ in wake {
                let batch = state.withLock { state in
                    defer { state.pending = [] }
                    return state.pending
                }
                var run: [String] = []
                func flush() async throws {
                    guard !run.isEmpty else { return }
                    let payloads = run
                    run = []
                    try await withQueryTimeout(connection) {
                        try await connection.query(
                            "SELECT pg_notify(\(channel), p) FROM unnest(\(payloads)::text[]) AS t(p)", logger: pgLogger)
                    }
                }
                for item in batch {
                    let text = String(buffer: item.message)
                    if text.utf8.count <= BackplaneEnvelope.inlineLimit {
                        run.append(BackplaneEnvelope(sender: sender, sequence: item.sequence, body: .inline(text)).payload)
                        if run.count >= 256 { try await flush() }
                        continue
                    }
                    try await flush()
                    // Insert and notify in one statement (one transaction): the row is visible when the notification arrives.
                    let prefix = "v1 \(sender) \(item.sequence) r "
                    try await withQueryTimeout(connection) {
                        try await connection.query(
                            """
                            WITH r AS (INSERT INTO \(unescaped: table) (body) VALUES (\(text)) RETURNING id)
                            SELECT pg_notify(\(channel), \(prefix) || r.id::text) FROM r
                            """, logger: pgLogger)
                    }
                }
                try await flush()
            }
        } catch {
            // The receiving side sees the connection fail too; make sure it does.
            connection.close().whenComplete { _ in }
            throw error
        }
    }

    private func heartbeatLoop(connection: PostgresConnection, logger pgLogger: Logger) async throws {
        let table = configuration.payloadTable
        let retentionSeconds = Int(settings.retention.secondsValue.rounded(.up))
        while true {
            try await Task.sleep(for: settings.heartbeat)
            do {
                try await withQueryTimeout(connection) {
                    try await connection.query(
                        "DELETE FROM \(unescaped: table) WHERE created_at < now() - interval '\(unescaped: String(retentionSeconds)) seconds'",
                        logger: pgLogger)
                }
            } catch {
                connection.close().whenComplete { _ in }
                throw error
            }
        }
    }

    private func receive(
        _ payload: String,
        tracker: inout SequenceTracker,
        connection: PostgresConnection,
        logger pgLogger: Logger,
        deliver: @Sendable (ByteBuffer) -> Void
    ) async throws {
        guard let envelope = BackplaneEnvelope(payload: payload) else {
            logger.warning("backplane: unreadable notification skipped", metadata: ["bytes": "\(payload.utf8.count)"])
            return
        }
        guard envelope.sender != sender else { return }
        switch tracker.observe(sender: envelope.sender, sequence: envelope.sequence) {
        case .repeated:
            return
        case .afterGap(let missed):
            logger.warning("backplane: gap, messages of another task were missed", metadata: ["sender": "\(envelope.sender)", "missed": "\(missed)"])
        case .next:
            break
        }
        switch envelope.body {
        case .inline(let text):
            deliver(ByteBuffer(string: text))
        case .row(let id):
            let table = configuration.payloadTable
            let rows = try await withQueryTimeout(connection) {
                try await connection.query("SELECT body FROM \(unescaped: table) WHERE id = \(id)", logger: pgLogger)
            }
            var found = false
            for try await body in rows.decode(String.self) {
                found = true
                deliver(ByteBuffer(string: body))
            }
            if !found {
                logger.warning("backplane: gap, a large message was pruned before it was read", metadata: ["sender": "\(envelope.sender)", "row": "\(id)"])
            }
        }
    }

    // MARK: Status

    private func cameUp(wake: AsyncStream<Void>.Continuation) {
        let (downFor, unpublished) = state.withLock { state in
            state.wake = wake
            state.pending = []
            state.status = .connected
            let downFor = state.downSince.map { ContinuousClock.now - $0 }
            state.downSince = nil
            defer { state.unpublished = 0 }
            return (downFor, state.unpublished)
        }
        var metadata: Logger.Metadata = ["gap.s": "\(((downFor?.secondsValue ?? 0) * 1000).rounded() / 1000)"]
        metadata["unpublished"] = "\(unpublished)"
        logger.notice("backplane: connected; cross-task delivery on", metadata: metadata)
    }

    private func wentDown(because reason: String) {
        let wasUp = state.withLock { state in
            state.wake?.finish()
            state.wake = nil
            state.unpublished += state.pending.count
            state.pending = []
            state.status = .degraded(reason: "backplane disconnected: \(reason)")
            if state.downSince == nil {
                state.downSince = .now
                return true
            }
            return false
        }
        if wasUp {
            logger.error("backplane: connection lost; gap begins, messages reach this task's clients only", metadata: ["error": "\(reason)"])
        } else {
            logger.warning("backplane: connection attempt failed", metadata: ["error": "\(reason)"])
        }
    }

    // MARK: Helpers

    private func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch configuration.tls {
        case .disable:
            tls = .disable
        case .require:
            var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
            tlsConfiguration.certificateVerification = .none
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var result = PostgresConnection.Configuration(
            host: configuration.host,
            port: configuration.port,
            username: configuration.username,
            password: configuration.password,
            database: configuration.database,
            tls: tls
        )
        result.options.connectTimeout = .nanoseconds(settings.queryTimeout.nanosecondsClamped)
        return result
    }

    /// Runs `body`; if it has not finished within the query timeout, closes the connection (which
    /// fails the query and ends the session).
    @discardableResult
    private func withQueryTimeout<T>(_ connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        let timeout = settings.queryTimeout
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            try? await connection.close()
        }
        defer { watchdog.cancel() }
        return try await body()
    }
}

extension Logger {
    /// This logger, but quieter: nothing below `level` (postgres-nio's own messages).
    func atLeast(_ level: Logger.Level) -> Logger {
        var logger = self
        logger.logLevel = Swift.max(logLevel, level)
        return logger
    }
}
