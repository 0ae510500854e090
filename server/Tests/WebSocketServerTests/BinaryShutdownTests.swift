#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Testing
import WebSocketClientKit

/// Runs the built `websocket-server` executable as a child process.
@Suite("websocket-server executable")
struct BinaryShutdownTests {
    /// The executable sits next to the test binary in the build products directory
    /// (.build/<triple>/debug); WEBSOCKET_SERVER_BINARY overrides the lookup.
    static func binaryPath() throws -> String {
        if let override = getenv("WEBSOCKET_SERVER_BINARY") {
            return String(cString: override)
        }
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        var directory = length > 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        var searched: [String] = []
        for _ in 0..<4 {
            guard let slash = directory.lastIndex(of: "/") else { break }
            directory = String(directory[..<slash])
            let candidate = directory + "/websocket-server"
            searched.append(candidate)
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw BinaryNotFound(searched: searched)
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "websocket-server executable not found (run `swift build` first); searched: \(searched.joined(separator: ", "))"
        }
    }

    /// A port nothing listens on right now (bound, read, released).
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    /// Starts the server binary with `environment`, waits for /health, runs `body`.
    static func withServerProcess<Result>(
        environment: [String: String],
        _ body: (ChildProcess, Int) async throws -> Result
    ) async throws -> Result {
        let port = try await freePort()
        var env = ["PORT": "\(port)", "HOST": "127.0.0.1"]
        for (key, value) in environment { env[key] = value }
        let process = try ChildProcess.spawn(try binaryPath(), environment: env)
        defer { process.send(SIGKILL) }
        let up = await eventually(timeout: .seconds(20)) {
            guard process.isRunning else { return true }
            return (try? await RawHTTP.get(port: port, path: "/health", timeout: .seconds(1)).status) == 200
        }
        try #require(up && process.isRunning, "server process did not come up")
        return try await body(process, port)
    }

    @Test func sigtermClosesEveryClientWith1001AndExitsZero() async throws {
        try await Self.withServerProcess(environment: ["DRAIN_TIMEOUT_SECONDS": "5"]) { process, port in
            let clients = 5
            let barrier = Barrier(parties: clients + 1)
            let start = ContinuousClock.now
            let events = try await withThrowingTaskGroup(of: WebSocketConnection.Event.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        try await WebSocketClient.connect(port: port) { connection in
                            try await connection.expectGreeting()
                            await barrier.arriveAndWait()
                            return try await connection.receive(timeout: .seconds(20))
                        }
                    }
                }
                await barrier.arriveAndWait()
                process.send(SIGTERM)
                var events: [WebSocketConnection.Event] = []
                for try await event in group { events.append(event) }
                return events
            }
            #expect(events == Array(repeating: .close(code: 1001, reason: "Server shutting down"), count: clients))
            let status = await process.waitForExit(timeout: .seconds(15))
            #expect(status == .exited(0))
            // Well inside the drain limit (5 s) plus process start-up slack.
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func healthcheckSubcommandReportsHealth() async throws {
        try await Self.withServerProcess(environment: [:]) { _, port in
            let status = try await Self.runHealthcheck(port: port)
            #expect(status == 0)
        }
        let closedPort = try await Self.freePort()
        let status = try await Self.runHealthcheck(port: closedPort)
        #expect(status == 1)
    }

    static func runHealthcheck(port: Int) async throws -> Int32? {
        let probe = try ChildProcess.spawn(try binaryPath(), arguments: ["healthcheck", "--port", "\(port)", "--timeout", "5"], environment: [:])
        defer { probe.send(SIGKILL) }
        guard case .exited(let code) = await probe.waitForExit(timeout: .seconds(20)) else { return nil }
        return code
    }
}
