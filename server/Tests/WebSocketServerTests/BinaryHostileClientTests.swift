#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Testing
import WebSocketClientKit

/// Issue 17's reproductions against the built executable.
extension BinaryShutdownTests {
    @Test func upgradesWithABodyLeaveEverySlotFreeAndSigtermExitsZero() async throws {
        try await Self.withServerProcess(environment: ["MAX_CONNECTIONS": "50", "DRAIN_TIMEOUT_SECONDS": "5"]) { process, port in
            // Before the fix each of these kept its slot and descriptor for good: every later client got 503.
            let request = RawTCP.handshake(extra: ["Content-Length: 200"], body: String(repeating: "x", count: 200))
            for _ in 0..<50 {
                let reply = try await RawTCP.exchange(port: port, request)
                try #require(reply.status == 400 && reply.closedByServer, "\(reply.text)")
            }
            let event = try await WebSocketClient.connect(port: port) { connection in
                try await connection.expectGreeting()
                process.send(SIGTERM)
                return try await connection.receive(timeout: .seconds(20))
            }
            #expect(event == .close(code: 1001, reason: "Server shutting down"))
            let status = await process.waitForExit(timeout: .seconds(15))
            #expect(status == .exited(0), "\(process.output)")
        }
    }

    @Test func halfOpenConnectionsCannotTakeEveryDescriptor() async throws {
        // 128 descriptors: at most 32 connections wait for a head (a quarter), so 300 half-open
        // connections leave room to accept and answer /health. Before the fix it stopped answering.
        try await Self.withServerProcess(environment: ["DRAIN_TIMEOUT_SECONDS": "5"], descriptorLimit: 128) { process, port in
            var halfOpen: [any Channel] = []
            defer { for channel in halfOpen { channel.close(promise: nil) } }
            let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connectTimeout(.seconds(10))
            for _ in 0..<300 {
                let channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
                halfOpen.append(channel)
                // May fail: the server evicts the oldest waiting connections as new ones arrive.
                try? await channel.writeAndFlush(ByteBuffer(string: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"))
            }
            let health = try await RawHTTP.get(port: port, path: "/health", timeout: .seconds(10))
            #expect(health.status == 200)
            process.send(SIGTERM)
            let status = await process.waitForExit(timeout: .seconds(15))
            #expect(status == .exited(0), "\(process.output)")
        }
    }
}
