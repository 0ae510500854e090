#if canImport(Glibc)
import Glibc
#endif
import Testing
import WebSocketClientKit

/// Two server processes on one real PostgreSQL backplane, real sockets throughout.
@Suite(
    "backplane across processes",
    .enabled(if: TestPostgres.shouldRun, "PostgreSQL is not installed (apt-get install postgresql; .ci/run installs it)"),
    .timeLimit(.minutes(2))
)
struct BackplaneTests {
    /// Runs two server processes on `postgres`'s backplane and waits until both report it connected.
    static func withTwoServers<Result>(
        _ postgres: TestPostgres,
        _ body: (_ a: (ChildProcess, Int), _ b: (ChildProcess, Int)) async throws -> Result
    ) async throws -> Result {
        let environment = ["BACKPLANE_URL": postgres.url, "BACKPLANE_CHANNEL": "ws_test", "LOG_LEVEL": "info"]
        return try await BinaryShutdownTests.withServerProcess(environment: environment) { processA, portA in
            try await BinaryShutdownTests.withServerProcess(environment: environment) { processB, portB in
                try await expectBackplane(connected: true, port: portA, process: processA)
                try await expectBackplane(connected: true, port: portB, process: processB)
                return try await body((processA, portA), (processB, portB))
            }
        }
    }

    /// Waits until `/health` says the backplane is connected (`Ok`) or degraded (`Ok (degraded: …)`);
    /// both are 200.
    static func expectBackplane(connected: Bool, port: Int, process: ChildProcess, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var last = ""
        let reached = await eventually(timeout: .seconds(30)) {
            guard let response = try? await RawHTTP.get(port: port, path: "/health", timeout: .seconds(2)), response.status == 200 else { return false }
            last = response.body
            return connected ? response.body == "Ok" : response.body.hasPrefix("Ok (degraded: ")
        }
        try #require(reached, "backplane never \(connected ? "connected" : "degraded"); /health said \(String(reflecting: last)); log: \(process.output)", sourceLocation: sourceLocation)
    }

    /// The text of a broadcast of plain text `m` is `{"message":"m"}`.
    static func text(of event: WebSocketConnection.Event) -> String? {
        guard case .text(let json) = event, json.hasPrefix(#"{"message":""#), json.hasSuffix(#""}"#) else { return nil }
        return String(json.dropFirst(12).dropLast(2))
    }

    /// Receives until `last` has arrived; returns everything received, in order.
    static func receive(until last: Set<String>, on connection: WebSocketConnection) async throws -> [String] {
        var seen: [String] = []
        var pending = last
        while !pending.isEmpty {
            let event = try await connection.receive(timeout: .seconds(30))
            let message = try #require(text(of: event), "unexpected event \(event) after \(seen.count) messages")
            seen.append(message)
            pending.remove(message)
        }
        return seen
    }

    @Test func clientsOnTwoProcessesReceiveEveryMessageOnceInOrder() async throws {
        try await withTestPostgres { postgres in
            try await Self.withTwoServers(postgres) { a, b in
                let count = 40
                let receivers = 4
                let ready = Barrier(parties: receivers + 2)
                let results = try await withThrowingTaskGroup(of: [String].self) { group in
                    for index in 0..<receivers {
                        let port = index % 2 == 0 ? a.1 : b.1
                        group.addTask {
                            try await WebSocketClient.connect(port: port) { connection in
                                try await connection.expectGreeting()
                                try await ready.arriveAndWait()
                                return try await Self.receive(until: ["a:end", "b:end"], on: connection)
                            }
                        }
                    }
                    for (name, port) in [("a", a.1), ("b", b.1)] {
                        group.addTask {
                            try await WebSocketClient.connect(port: port) { connection in
                                try await connection.expectGreeting()
                                try await ready.arriveAndWait()
                                for index in 1...count { try await connection.send(text: "\(name):\(index)") }
                                try await connection.send(text: "\(name):end")
                                // The sender receives its own and the other's messages too.
                                return try await Self.receive(until: ["a:end", "b:end"], on: connection)
                            }
                        }
                    }
                    var results: [[String]] = []
                    for try await result in group { results.append(result) }
                    return results
                }
                #expect(results.count == receivers + 2)
                for received in results {
                    for name in ["a", "b"] {
                        let fromSender = received.filter { $0.hasPrefix("\(name):") }
                        #expect(fromSender == (1...count).map { "\(name):\($0)" } + ["\(name):end"], "messages of \(name) out of order, missing or repeated")
                    }
                    #expect(received.count == 2 * (count + 1))
                }
            }
        }
    }

    @Test func databaseLossKeepsLocalDeliveryAndCrossTaskResumesAfterReconnect() async throws {
        try await withTestPostgres { postgres in
            try await Self.withTwoServers(postgres) { a, b in
                try await WebSocketClient.connect(port: a.1) { sender in
                    try await WebSocketClient.connect(port: a.1) { local in
                        try await WebSocketClient.connect(port: b.1) { remote in
                            for connection in [sender, local, remote] { try await connection.expectGreeting() }
                            for index in 1...10 { try await sender.send(text: "m\(index)") }
                            #expect(try await Self.receive(until: ["m10"], on: remote) == (1...10).map { "m\($0)" })
                            #expect(try await Self.receive(until: ["m10"], on: local) == (1...10).map { "m\($0)" })

                            try await postgres.kill()
                            try await Self.expectBackplane(connected: false, port: a.1, process: a.0)
                            try await Self.expectBackplane(connected: false, port: b.1, process: b.0)
                            for index in 11...20 { try await sender.send(text: "m\(index)") }
                            // Local delivery goes on while the database is down.
                            #expect(try await Self.receive(until: ["m20"], on: local) == (11...20).map { "m\($0)" })

                            try await postgres.restart()
                            try await Self.expectBackplane(connected: true, port: a.1, process: a.0)
                            try await Self.expectBackplane(connected: true, port: b.1, process: b.0)
                            for index in 21...30 { try await sender.send(text: "m\(index)") }
                            #expect(try await Self.receive(until: ["m30"], on: local) == (21...30).map { "m\($0)" })
                            // Across tasks: what was sent during the outage is lost, the rest arrives in order.
                            #expect(try await Self.receive(until: ["m30"], on: remote) == (21...30).map { "m\($0)" })
                        }
                    }
                }
                // Both tasks logged the gap; the receiving task knows how many messages it missed.
                #expect(a.0.output.contains("backplane: connection lost"))
                #expect(b.0.output.contains("backplane: connection lost"))
                #expect(b.0.output.contains("missed=10"), "no gap logged: \(b.0.output)")
            }
        }
    }

    @Test func a64KiBMessageCrossesTasksThroughThePayloadTableAndSIGTERMStopsTheBackplaneAfterTheDrain() async throws {
        try await withTestPostgres { postgres in
            try await Self.withTwoServers(postgres) { a, b in
                let large = String(repeating: "y", count: 64 * 1024)
                try await WebSocketClient.connect(port: a.1) { sender in
                    try await WebSocketClient.connect(port: b.1) { remote in
                        try await sender.expectGreeting()
                        try await remote.expectGreeting()
                        try await sender.send(text: "before")
                        try await sender.send(text: large)
                        try await sender.send(text: "after")
                        let received = try await Self.receive(until: ["after"], on: remote)
                        #expect(received.count == 3)
                        #expect(received.first == "before")
                        #expect(received.dropFirst().first == large)
                        #expect(received.last == "after")
                    }
                }
                // The large message went through the payload table; rows past the retention (60 s) are
                // pruned by the next heartbeat (every 5 s), recent ones kept.
                #expect(try await postgres.sql("SELECT count(*) FROM ws_test_payloads WHERE length(body) > 65536") == "1\n")
                _ = try await postgres.sql("INSERT INTO ws_test_payloads (body, created_at) VALUES ('old', now() - interval '2 minutes')")
                let pruned = try await eventually(timeout: .seconds(20)) {
                    try await postgres.sql("SELECT count(*) FROM ws_test_payloads WHERE body = 'old'") == "0\n"
                }
                #expect(pruned, "a row older than the retention was not pruned")
                #expect(try await postgres.sql("SELECT count(*) FROM ws_test_payloads") == "1\n")
                // SIGTERM: the clients are drained first, the backplane stops after them, exit 0.
                a.0.send(SIGTERM)
                #expect(await a.0.waitForExit(timeout: .seconds(15)) == .exited(0))
                let log = a.0.output
                let drained = try #require(log.range(of: "shutdown: all connections drained"), "\(log)")
                let stopped = try #require(log.range(of: "backplane: stopped"), "\(log)")
                #expect(drained.lowerBound < stopped.lowerBound)
            }
        }
    }
}
