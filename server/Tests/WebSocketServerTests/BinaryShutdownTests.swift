#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Testing
import WebSocketClientKit

/// Runs the built `websocket-server` executable as a child process.
// A test that overruns its limit is cancelled and fails, rather than holding up the whole run.
@Suite("websocket-server executable", .timeLimit(.minutes(2)))
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

    /// Runs `body` with a port that refuses connections: bound to a socket that never listens and
    /// stays bound until `body` returns, so no other test's server can take it meanwhile.
    static func withRefusingPort<Result>(_ body: (Int) async throws -> Result) async throws -> Result {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0, "socket() failed: errno \(errno)")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        try #require(bound, "bind() failed: errno \(errno)")
        return try await body(Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Starts the server binary with `environment` on a port the kernel chooses (PORT=0, learned
    /// from its "listening" log line, so no other test can take the port in between), waits for
    /// /health, runs `body`. With `descriptorLimit`, the server runs under that `ulimit -n`.
    static func withServerProcess<Result>(
        environment: [String: String],
        descriptorLimit: Int? = nil,
        _ body: (ChildProcess, Int) async throws -> Result
    ) async throws -> Result {
        var env = ["PORT": "0", "HOST": "127.0.0.1", "LOG_FORMAT": "text"]
        for (key, value) in environment { env[key] = value }
        let process: ChildProcess
        if let descriptorLimit {
            // The shell lowers its own limit, then becomes the server (same pid, so signals reach it).
            process = try ChildProcess.spawn(
                "/bin/sh",
                arguments: ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\"", try binaryPath()],
                environment: env
            )
        } else {
            process = try ChildProcess.spawn(try binaryPath(), environment: env)
        }
        defer { process.send(SIGKILL) }
        var port: Int?
        let up = await eventually(timeout: .seconds(20)) {
            guard process.isRunning else { return true }
            if port == nil { port = listeningPort(in: process.output) }
            guard let port else { return false }
            return (try? await RawHTTP.get(port: port, path: "/health", timeout: .seconds(1)).status) == 200
        }
        let status = process.status
        try #require(up && status == nil, "server process did not come up (exit status \(String(describing: status))): \(process.output)")
        return try await body(process, try #require(port))
    }

    /// The port of the server's `listening` log line (`... port=43069 [websocket_server] listening`).
    static func listeningPort(in output: String) -> Int? {
        for line in output.split(separator: "\n") where line.hasSuffix(" listening") {
            guard let range = line.range(of: "port=") else { continue }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        return nil
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
                            try await barrier.arriveAndWait()
                            return try await connection.receive(timeout: .seconds(20))
                        }
                    }
                }
                try await barrier.arriveAndWait()
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
        let refused = try await Self.withRefusingPort { port in try await Self.runHealthcheck(port: port) }
        #expect(refused == 1)
    }

    static func runHealthcheck(port: Int) async throws -> Int32? {
        let probe = try ChildProcess.spawn(try binaryPath(), arguments: ["healthcheck", "--port", "\(port)", "--timeout", "5"], environment: [:])
        defer { probe.send(SIGKILL) }
        guard case .exited(let code) = await probe.waitForExit(timeout: .seconds(20)) else { return nil }
        return code
    }
}
