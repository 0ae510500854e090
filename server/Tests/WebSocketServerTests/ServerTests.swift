import Logging
import NIOCore
import Synchronization
import Testing
import WebSocketClientKit
@testable import WebSocketServer

// A test that overruns its limit is cancelled and fails, rather than holding up the whole run.
@Suite("WebSocket server over real sockets", .timeLimit(.minutes(3)))
struct ServerTests {
    @Test func greetsEveryNewClient() async throws {
        try await withServer { server in
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
            }
        }
    }

    @Test func healthAndRootAnswerOk() async throws {
        try await withServer { server in
            for path in ["/health", "/"] {
                let response = try await RawHTTP.get(port: server.port, path: path)
                #expect(response.status == 200, "\(path)")
                #expect(response.body == "Ok", "\(path)")
            }
            let plainGet = try await RawHTTP.get(port: server.port, path: "/wss")
            #expect(plainGet.status == 426)
        }
    }

    @Test func broadcastReachesEveryClientInOrderPerSender() async throws {
        let clients = 5
        let senders = 3
        let perSender = 25
        try await withServer { server in
            let barrier = Barrier(parties: clients)
            let received = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
                for index in 0..<clients {
                    group.addTask {
                        try await WebSocketClient.connect(port: server.port) { connection in
                            try await connection.expectGreeting()
                            // Everyone is registered once everyone has had the greeting.
                            try await barrier.arriveAndWait()
                            if index < senders {
                                for sequence in 0..<perSender {
                                    try await connection.send(text: #"{"from":\#(index),"seq":\#(sequence)}"#)
                                }
                            }
                            var messages: [String] = []
                            while messages.count < senders * perSender {
                                guard case .text(let text) = try await connection.receive() else { break }
                                messages.append(text)
                            }
                            return (index, messages)
                        }
                    }
                }
                var all: [Int: [String]] = [:]
                for try await (index, messages) in group { all[index] = messages }
                return all
            }
            #expect(received.count == clients)
            for (client, messages) in received {
                #expect(messages.count == senders * perSender, "client \(client)")
                for sender in 0..<senders {
                    let fromSender = messages.filter { $0.hasPrefix(#"{"message":{"from":\#(sender),"#) }
                    let expected = (0..<perSender).map { #"{"message":{"from":\#(sender),"seq":\#($0)}}"# }
                    #expect(fromSender == expected, "client \(client), sender \(sender)")
                }
            }
        }
    }

    @Test func nonJSONMessagesAreWrappedAsStrings() async throws {
        try await withServer { server in
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
                try await connection.send(text: #"hello "world""#)
                #expect(try await connection.receive() == .text(#"{"message":"hello \"world\""}"#))
                try await connection.send(text: "{not json")
                #expect(try await connection.receive() == .text(#"{"message":"{not json"}"#))
                try await connection.send(text: #"[1, {"a": "b"}]"#)
                #expect(try await connection.receive() == .text(#"{"message":[1, {"a": "b"}]}"#))
            }
        }
    }

    @Test func oversizedMessageIsClosedWith1009() async throws {
        try await withServer({ $0.maxMessageBytes = 64 * 1024 }) { server in
            // One frame above the limit.
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
                try await connection.send(opcode: .text, payload: Array(repeating: UInt8(ascii: "a"), count: 64 * 1024 + 1))
                let event = try await connection.receive()
                guard case .close(let code, _) = event else {
                    Issue.record("expected a close frame, got \(event)")
                    return
                }
                #expect(code == 1009)
            }
            // Fragments each within the limit, together above it.
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
                let half = Array(repeating: UInt8(ascii: "b"), count: 40 * 1024)
                try await connection.send(opcode: .text, payload: half, fin: false)
                try await connection.send(opcode: .continuation, payload: half, fin: true)
                let event = try await connection.receive()
                guard case .close(let code, _) = event else {
                    Issue.record("expected a close frame, got \(event)")
                    return
                }
                #expect(code == 1009)
            }
            // A message exactly at the limit is fine.
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
                try await connection.send(text: String(repeating: "c", count: 64 * 1024))
                guard case .text(let echoed) = try await connection.receive() else {
                    Issue.record("expected the broadcast of a message at the limit")
                    return
                }
                #expect(echoed.utf8.count == 64 * 1024 + #"{"message":""}"#.utf8.count)
            }
        }
    }

    @Test func invalidUTF8IsClosedWith1007() async throws {
        try await withServer { server in
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
                // "H" then an invalid two-byte sequence.
                try await connection.send(opcode: .text, payload: [0x48, 0xC3, 0x28])
                let event = try await connection.receive()
                guard case .close(let code, _) = event else {
                    Issue.record("expected a close frame, got \(event)")
                    return
                }
                #expect(code == 1007)
            }
        }
    }

    @Test func originVerifyHeaderIsEnforcedWhenConfigured() async throws {
        let header = "X-Origin-Verify"
        let secret = "s3cr3t-value"
        try await withServer({ $0.originVerify = .init(header: header, value: secret) }) { server in
            let missing = try await RawHTTP.upgradeRequest(port: server.port)
            #expect(missing.status == 403)
            let wrong = try await RawHTTP.upgradeRequest(port: server.port, headers: [(header, "guess")])
            #expect(wrong.status == 403)
            let right = try await RawHTTP.upgradeRequest(port: server.port, headers: [(header, secret)])
            #expect(right.status == 101)
            await #expect(throws: WebSocketClient.ClientError.upgradeRefused) {
                try await WebSocketClient.connect(port: server.port) { _ in }
            }
            try await WebSocketClient.connect(port: server.port, headers: [(header, secret)]) { connection in
                try await connection.expectGreeting()
            }
            // Other routes need the header too; the health checks do not.
            #expect(try await RawHTTP.get(port: server.port, path: "/other").status == 403)
            #expect(try await RawHTTP.get(port: server.port, path: "/other", headers: [(header, secret)]).status == 404)
            #expect(try await RawHTTP.get(port: server.port, path: "/health").status == 200)
            #expect(try await RawHTTP.get(port: server.port, path: "/").status == 200)
        }
        // Not configured: no header needed.
        try await withServer { server in
            let response = try await RawHTTP.upgradeRequest(port: server.port)
            #expect(response.status == 101)
        }
    }

    @Test func connectionLimitAnswers503() async throws {
        try await withServer({ $0.maxConnections = 2 }) { server in
            try await WebSocketClient.connect(port: server.port) { first in
                try await first.expectGreeting()
                try await WebSocketClient.connect(port: server.port) { second in
                    try await second.expectGreeting()
                    let refused = try await RawHTTP.upgradeRequest(port: server.port)
                    #expect(refused.status == 503)
                    #expect(refused.header("Retry-After") != nil)
                    // Plain HTTP is not limited.
                    #expect(try await RawHTTP.get(port: server.port, path: "/health").status == 200)
                    try await second.sendClose()
                    _ = try await second.receive()
                }
                // The slot comes back once the second connection has closed.
                let freed = await eventually { server.server.manager.openConnections == 1 }
                #expect(freed)
                try await WebSocketClient.connect(port: server.port) { third in
                    try await third.expectGreeting()
                }
            }
        }
    }

    @Test func gracefulShutdownClosesClientsWith1001() async throws {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.drainTimeout = .seconds(5)
        let server = BroadcastServer(configuration: configuration, logger: testLogger())
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let running = Task {
            defer { portContinuation.finish() }
            return try await server.run(gracefulShutdownSignals: []) { portContinuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let clients = 4
        let barrier = Barrier(parties: clients + 1)
        let events = try await withThrowingTaskGroup(of: WebSocketConnection.Event.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    try await WebSocketClient.connect(port: port) { connection in
                        try await connection.expectGreeting()
                        try await barrier.arriveAndWait()
                        return try await connection.receive()
                    }
                }
            }
            try await barrier.arriveAndWait()
            await server.triggerGracefulShutdown()
            var events: [WebSocketConnection.Event] = []
            for try await event in group { events.append(event) }
            return events
        }
        #expect(events == Array(repeating: .close(code: 1001, reason: "Server shutting down"), count: clients))
        #expect(try await running.value == .drained)
    }

    @Test func slowClientIsClosedWith1013WithoutStallingOthers() async throws {
        // Valid JSON (a string), so the server embeds it without escaping.
        let payload = "\"" + String(repeating: "x", count: 60 * 1024) + "\""
        let messages = 160  // 9.6 MB: more than the kernel buffers of one stalled connection hold
        let done = #"{"message":"done"}"#
        try await withServer({ $0.clientQueueSize = 32 }) { server in
            let connected = Barrier(parties: 3)
            let sent = Barrier(parties: 2)
            let progress = Progress()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Sender: sends everything without waiting, while reading its own copies.
                group.addTask {
                    try await WebSocketClient.connect(port: server.port) { connection in
                        try await connection.expectGreeting()
                        try await connected.arriveAndWait()
                        // At most `window` messages ahead of the slower of the two readers that keep
                        // up, so neither is ever closed as slow; bounded by a deadline, never a hang.
                        let window = 4
                        let sender = connection.sender
                        let sending = Task {
                            let deadline = ContinuousClock.now.advanced(by: .seconds(90))
                            for index in 0..<messages {
                                while index - min(progress.sender.load(ordering: .relaxed), progress.reader.load(ordering: .relaxed)) >= window {
                                    guard ContinuousClock.now < deadline else { return }
                                    try await Task.sleep(for: .milliseconds(1))
                                }
                                try await sender.send(text: payload)
                            }
                            try await sender.send(text: "done")
                        }
                        var count = 0
                        while case .text(let text) = try await connection.receive(), text != done {
                            count += 1
                            progress.sender.add(1, ordering: .relaxed)
                        }
                        sending.cancel()
                        _ = try? await sending.value
                        #expect(count == messages)
                        try await sent.arriveAndWait()
                    }
                }
                // A reader that keeps up gets every message.
                group.addTask {
                    try await WebSocketClient.connect(port: server.port) { connection in
                        try await connection.expectGreeting()
                        try await connected.arriveAndWait()
                        var count = 0
                        while case .text(let text) = try await connection.receive(), text != done {
                            count += 1
                            progress.reader.add(1, ordering: .relaxed)
                        }
                        #expect(count == messages)
                    }
                }
                // A reader with a small socket buffer that reads nothing until the sender is done.
                group.addTask {
                    try await WebSocketClient.connect(port: server.port, receiveBufferSize: 4096) { connection in
                        try await connection.expectGreeting()
                        try await connected.arriveAndWait()
                        try await sent.arriveAndWait()
                        var last = WebSocketConnection.Event.disconnected
                        for _ in 0...messages {
                            last = try await connection.receive()
                            if case .text = last { continue }
                            break
                        }
                        // The close frame arrives if the socket drained in time; a client that
                        // stays stuck longer than the close grace period is disconnected instead.
                        #expect(last == .close(code: 1013, reason: "Client too slow") || last == .disconnected)
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.server.manager.slowClientsClosed == 1)
        }
    }

    @Test func peersThatStopAnsweringPingsAreDropped() async throws {
        try await withServer({ $0.pingInterval = .seconds(1) }) { server in
            // This client answers pings (receive() does), so it stays connected.
            try await WebSocketClient.connect(port: server.port) { connection in
                try await connection.expectGreeting()
                let event = try await connection.receive(timeout: .seconds(3))
                #expect(event == .timedOut)
            }
            try await WebSocketClient.connect(port: server.port) { silent in
                // Not reading means not answering pings.
                try await Task.sleep(for: .seconds(3))
                var last = WebSocketConnection.Event.disconnected
                for _ in 0..<50 {
                    last = try await silent.receive(timeout: .seconds(5))
                    if last == greeting { continue }
                    break
                }
                #expect(last == .close(code: 1001, reason: "Ping timeout") || last == .disconnected)
            }
            #expect(await eventually { server.server.manager.clientCount == 0 })
        }
    }
}

/// Messages received so far by the sender and by the reader that keeps up.
final class Progress: Sendable {
    let sender = Atomic<Int>(0)
    let reader = Atomic<Int>(0)
}
