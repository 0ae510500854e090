import Logging
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Testing
import WebSocketClientKit
import WebSocketServer

/// A server started in this process on 127.0.0.1 with a kernel-chosen port.
struct RunningServer {
    let port: Int
    let server: BroadcastServer
}

struct ServerDidNotStart: Error {}

func testLogger() -> Logger {
    var logger = Logger(label: "websocket-server-test")
    logger.logLevel = ProcessInfoLite.testLogLevel
    return logger
}

/// Starts a server, runs `body`, then shuts the server down gracefully and waits for it.
func withServer<Result>(
    _ configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (RunningServer) async throws -> Result
) async throws -> Result {
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
    configure(&configuration)
    let server = BroadcastServer(configuration: configuration, logger: testLogger())
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let running = Task {
        defer { portContinuation.finish() }
        return try await server.run(gracefulShutdownSignals: []) { port in
            portContinuation.yield(port)
        }
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
        _ = try await running.value
        throw ServerDidNotStart()
    }
    let result: Result
    do {
        result = try await body(RunningServer(port: port, server: server))
    } catch {
        await server.triggerGracefulShutdown()
        _ = try? await running.value
        throw error
    }
    await server.triggerGracefulShutdown()
    _ = try await running.value
    return result
}

/// Lets a group of tasks wait until all of them have reached the same point.
///
/// Never waits forever: a party still waiting when its task is cancelled (a sibling failed) gets
/// `CancellationError`, and one still waiting after `timeout` gets `Barrier.TimedOut`, so a party
/// that will never arrive fails the test instead of hanging the whole run.
actor Barrier {
    struct TimedOut: Error, CustomStringConvertible {
        let arrived: Int
        let parties: Int
        var description: String { "barrier timed out with \(arrived) of \(parties) parties arrived" }
    }

    private let parties: Int
    private var arrived = 0
    private var waiting: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var timers: [Int: Task<Void, Never>] = [:]
    private var nextTicket = 0

    init(parties: Int) {
        self.parties = parties
    }

    func arriveAndWait(timeout: Duration = .seconds(60)) async throws {
        try Task.checkCancellation()
        arrived += 1
        if arrived >= parties {
            let toResume = waiting
            waiting.removeAll()
            for timer in timers.values { timer.cancel() }
            timers.removeAll()
            for continuation in toResume.values { continuation.resume() }
            return
        }
        let ticket = nextTicket
        nextTicket += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting[ticket] = continuation
                    timers[ticket] = Task {
                        guard (try? await Task.sleep(for: timeout)) != nil else { return }
                        self.release(ticket, throwing: TimedOut(arrived: self.arrived, parties: self.parties))
                    }
                }
            }
        } onCancel: {
            Task { await self.release(ticket, throwing: CancellationError()) }
        }
    }

    private func release(_ ticket: Int, throwing error: any Error) {
        timers.removeValue(forKey: ticket)?.cancel()
        waiting.removeValue(forKey: ticket)?.resume(throwing: error)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

let greeting = WebSocketConnection.Event.text(#"{"connection":"ok"}"#)

extension WebSocketConnection {
    /// The first thing every client must receive.
    func expectGreeting(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let event = try await receive()
        #expect(event == greeting, sourceLocation: sourceLocation)
    }
}

enum ProcessInfoLite {
    /// TEST_LOG_LEVEL=info (or debug) shows the servers' logs while the tests run.
    static let testLogLevel: Logger.Level = {
        guard let raw = getenv("TEST_LOG_LEVEL") else { return .error }
        return Logger.Level(rawValue: String(cString: raw)) ?? .error
    }()
}
