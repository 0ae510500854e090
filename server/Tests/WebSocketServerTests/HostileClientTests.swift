import NIOCore
import NIOWebSocket
import Testing
import WebSocketClientKit
@testable import WebSocketServer

/// Clients that break the rules (issue 17): each is refused with an answer, and none keeps a
/// connection slot or a descriptor.
// A test that overruns its limit is cancelled and fails, rather than holding up the whole run.
@Suite("Hostile clients over real sockets", .timeLimit(.minutes(2)))
struct HostileClientTests {
    /// One malformed opening handshake and the status it must get.
    struct BadHandshake: Sendable, CustomTestStringConvertible {
        let name: String
        let request: String
        let status: Int
        var testDescription: String { name }
    }

    static let badHandshakes: [BadHandshake] = [
        .init(name: "no Sec-WebSocket-Key", request: RawTCP.handshake(dropping: ["Sec-WebSocket-Key"]), status: 400),
        .init(name: "two Sec-WebSocket-Key", request: RawTCP.handshake(extra: ["Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA=="]), status: 400),
        .init(
            name: "key not a 16-byte nonce",
            request: RawTCP.handshake(dropping: ["Sec-WebSocket-Key"], extra: ["Sec-WebSocket-Key: c2hvcnQ="]),
            status: 400
        ),
        .init(name: "no Sec-WebSocket-Version", request: RawTCP.handshake(dropping: ["Sec-WebSocket-Version"]), status: 400),
        .init(
            name: "Sec-WebSocket-Version 8",
            request: RawTCP.handshake(dropping: ["Sec-WebSocket-Version"], extra: ["Sec-WebSocket-Version: 8"]),
            status: 426
        ),
        .init(name: "no Connection: Upgrade", request: RawTCP.handshake(dropping: ["Connection"]), status: 400),
        .init(name: "no Host", request: RawTCP.handshake(dropping: ["Host"]), status: 400),
        .init(name: "POST", request: RawTCP.handshake(requestLine: "POST /wss HTTP/1.1"), status: 400),
        .init(name: "HTTP/1.0", request: RawTCP.handshake(requestLine: "GET /wss HTTP/1.0"), status: 400),
        .init(name: "body with Content-Length", request: RawTCP.handshake(extra: ["Content-Length: 5"], body: "hello"), status: 400),
        .init(
            name: "chunked body",
            request: RawTCP.handshake(extra: ["Transfer-Encoding: chunked"], body: "5\r\nhello\r\n0\r\n\r\n"),
            status: 400
        ),
        .init(name: "not HTTP", request: "\u{16}\u{03}\u{01} hello\r\n\r\n", status: 400),
    ]

    @Test(arguments: badHandshakes)
    func malformedUpgradeIsAnsweredAndClosed(_ bad: BadHandshake) async throws {
        try await withServer { server in
            let reply = try await RawTCP.exchange(port: server.port, bad.request)
            #expect(reply.status == bad.status, "\(reply.text)")
            #expect(reply.closedByServer)
            if bad.status == 426 {
                #expect(reply.header("Sec-WebSocket-Version") == "13")
            }
            #expect(await eventually { server.server.manager.openConnections == 0 && server.server.pendingConnections == 0 })
            // A well-formed handshake still upgrades.
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
            }
        }
    }

    @Test func upgradesWithABodyDoNotKeepConnectionSlots() async throws {
        let limit = 5
        try await withServer({ $0.maxConnections = limit }) { server in
            let request = RawTCP.handshake(extra: ["Content-Length: 200"], body: String(repeating: "x", count: 200))
            for _ in 0..<(2 * limit) {
                let reply = try await RawTCP.exchange(port: server.port, request)
                try #require(reply.status == 400 && reply.closedByServer, "\(reply.text)")
            }
            #expect(server.server.manager.openConnections == 0)
            // Every slot is free: `limit` clients connect at once.
            let barrier = Barrier(parties: limit)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<limit {
                    group.addTask {
                        try await WebSocketClient.connect(port: server.port) { connection in
                            try await connection.expectGreeting()
                            try await barrier.arriveAndWait()
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func connectionWithoutACompleteHeadIsAnswered408() async throws {
        try await withServer({ $0.headTimeout = .milliseconds(300) }) { server in
            let silent = try await RawTCP.exchange(port: server.port, "")
            #expect(silent.status == 408, "\(silent.text)")
            #expect(silent.closedByServer)
            let partial = try await RawTCP.exchange(port: server.port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            #expect(partial.status == 408, "\(partial.text)")
            #expect(partial.closedByServer)
            #expect(await eventually { server.server.pendingConnections == 0 })
        }
    }

    @Test func halfOpenFloodEvictsTheOldestAndHealthStillAnswers() async throws {
        let limit = 8
        let flood = 40
        try await withServer({
            $0.maxPendingConnections = limit
            $0.headTimeout = .seconds(60)  // only the limit acts here
        }) { server in
            let replies = try await withThrowingTaskGroup(of: RawTCP.Reply.self) { group in
                for _ in 0..<flood {
                    group.addTask {
                        try await RawTCP.exchange(port: server.port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n", timeout: .seconds(60))
                    }
                }
                // Every connection has been accepted: the newest `limit` wait, the others were evicted.
                let accepted = await eventually(timeout: .seconds(30)) {
                    server.server.pendingConnections + server.server.pendingConnectionsEvicted == flood
                }
                #expect(accepted)
                #expect(server.server.pendingConnections == limit)
                // A new client is served at once (it evicts one more waiting connection).
                #expect(try await RawHTTP.get(port: server.port, path: "/health").status == 200)
                #expect(server.server.pendingConnectionsEvicted == flood - limit + 1)
                // Shutting down answers those still waiting.
                await server.server.triggerGracefulShutdown()
                var replies: [RawTCP.Reply] = []
                for try await reply in group { replies.append(reply) }
                return replies
            }
            #expect(replies.allSatisfy { $0.status == 503 && $0.closedByServer })
            #expect(replies.filter { $0.body == "Too many pending connections" }.count == flood - limit + 1)
            #expect(replies.filter { $0.body == "Shutting down" }.count == limit - 1)
        }
    }

    @Test(arguments: [WebSocketOpcode.text, .ping])
    func unmaskedFrameIsClosedWith1002(_ opcode: WebSocketOpcode) async throws {
        try await withServer { server in
            try await WebSocketClient.connect(port: server.port) { observer in
                try await observer.expectGreeting()
                try await WebSocketClient.connect(port: server.port) { offender in
                    try await offender.expectGreeting()
                    try await offender.send(opcode: opcode, payload: Array("unmasked".utf8), masked: false)
                    #expect(try await offender.receive() == .close(code: 1002, reason: "Unmasked frame"))
                    #expect(try await offender.receive() == .disconnected)
                }
                #expect(await eventually { server.server.manager.clientCount == 1 && server.server.manager.openConnections == 1 })
                // The unmasked message was not broadcast: the observer's next message is its own.
                try await observer.send(text: "after")
                #expect(try await observer.receive() == .text(#"{"message":"after"}"#))
            }
        }
    }
}
