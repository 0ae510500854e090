import Foundation
import NIOCore
import NIOPosix
import Testing
import WebSocketClientKit

/// Runs the built `websocket-server` executable as a child process.
@Suite("websocket-server executable")
struct BinaryShutdownTests {
    /// The executable sits next to the test bundle in the build products directory; the
    /// WEBSOCKET_SERVER_BINARY environment variable overrides the lookup.
    static func binaryURL() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["WEBSOCKET_SERVER_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        let selfExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = selfExecutable.deletingLastPathComponent()
        // On Linux the test binary is .build/<triple>/debug/<name>.xctest; on macOS it is a bundle.
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("websocket-server"))
            directory = directory.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("websocket-server"))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryNotFound(searched: candidates.map(\.path))
        }
        return found
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
        _ body: (Process, Int) async throws -> Result
    ) async throws -> Result {
        let port = try await freePort()
        let process = Process()
        process.executableURL = try binaryURL()
        var env = ProcessInfo.processInfo.environment
        env["PORT"] = "\(port)"
        env["HOST"] = "127.0.0.1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
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
                kill(process.processIdentifier, SIGTERM)
                var events: [WebSocketConnection.Event] = []
                for try await event in group { events.append(event) }
                return events
            }
            #expect(events == Array(repeating: .close(code: 1001, reason: "Server shutting down"), count: clients))
            let exited = await eventually(timeout: .seconds(15)) { !process.isRunning }
            try #require(exited, "process still running after SIGTERM")
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
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

    static func runHealthcheck(port: Int) async throws -> Int32 {
        let probe = Process()
        probe.executableURL = try binaryURL()
        probe.arguments = ["healthcheck", "--port", "\(port)", "--timeout", "5"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        // Poll rather than block a thread of the shared pool in waitUntilExit().
        let exited = await eventually(timeout: .seconds(20)) { !probe.isRunning }
        try #require(exited, "healthcheck did not finish")
        return probe.terminationStatus
    }
}
