import NIOHTTP1
import Testing
@testable import WebSocketServer

@Suite("Opening handshake check")
struct HandshakeCheckTests {
    static func head(
        method: HTTPMethod = .GET,
        version: HTTPVersion = .http1_1,
        dropping: Set<String> = [],
        extra: [(String, String)] = []
    ) -> HTTPRequestHead {
        var headers = HTTPHeaders([
            ("Host", "example.com"), ("Upgrade", "websocket"), ("Connection", "keep-alive, Upgrade"),
            ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), ("Sec-WebSocket-Version", "13"),
        ])
        for name in dropping { headers.remove(name: name) }
        headers.add(contentsOf: extra)
        return HTTPRequestHead(version: version, method: method, uri: "/wss", headers: headers)
    }

    @Test func wellFormedHandshakePasses() {
        #expect(HandshakeCheck.problem(with: Self.head()) == nil)
        #expect(HandshakeCheck.problem(with: Self.head(extra: [("Content-Length", "0")])) == nil)
    }

    @Test func eachProblemIsNamed() {
        #expect(HandshakeCheck.problem(with: Self.head(method: .POST)) == .methodNotGet)
        #expect(HandshakeCheck.problem(with: Self.head(version: .http1_0)) == .httpVersionBelow1_1)
        #expect(HandshakeCheck.problem(with: Self.head(dropping: ["Host"])) == .missingHost)
        #expect(HandshakeCheck.problem(with: Self.head(dropping: ["Connection"])) == .missingConnectionUpgrade)
        #expect(HandshakeCheck.problem(with: Self.head(extra: [("Content-Length", "12")])) == .hasBody)
        #expect(HandshakeCheck.problem(with: Self.head(extra: [("Transfer-Encoding", "chunked")])) == .hasBody)
        #expect(HandshakeCheck.problem(with: Self.head(dropping: ["Sec-WebSocket-Key"])) == .invalidKey)
        #expect(HandshakeCheck.problem(with: Self.head(extra: [("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==")])) == .invalidKey)
        #expect(HandshakeCheck.problem(with: Self.head(dropping: ["Sec-WebSocket-Version"])) == .missingVersion)
        #expect(
            HandshakeCheck.problem(with: Self.head(dropping: ["Sec-WebSocket-Version"], extra: [("Sec-WebSocket-Version", "8")]))
                == .unsupportedVersion
        )
        #expect(HandshakeCheck.Problem.unsupportedVersion.status == 426)
        #expect(HandshakeCheck.Problem.hasBody.status == 400)
    }

    @Test(arguments: [
        ("dGhlIHNhbXBsZSBub25jZQ==", true), ("AAAAAAAAAAAAAAAAAAAAAA==", true), ("c2hvcnQ=", false),
        ("dGhlIHNhbXBsZSBub25jZQ=", false), ("dGhlIHNhbXBsZSBub25jZQ===", false), ("dGhlIHNhbXBsZSBub25jZ!==", false),
        ("dGhlIHNhbXBsZSBub25jZQAA", false),
    ])
    func nonceIsBase64Of16Bytes(_ key: String, _ valid: Bool) {
        #expect(HandshakeCheck.isNonce(Substring(key)) == valid)
    }
}

@Suite("Pending connection bookkeeping")
struct PendingQueueTests {
    @Test func oldestComesFirstAndRemovedOnesAreSkipped() {
        var queue = PendingQueue()
        for id in UInt64(1)...5 { queue.append(id) }
        let removed = queue.remove(3)
        let removedAgain = queue.remove(3)
        #expect(removed)
        #expect(!removedAgain)
        #expect(queue.count == 4)
        var order: [UInt64] = []
        while let id = queue.popOldest() { order.append(id) }
        #expect(order == [1, 2, 4, 5])
        #expect(queue.count == 0)
    }

    @Test func storageStaysBoundedUnderChurn() {
        var queue = PendingQueue()
        // Many connections that each wait a little and then send their head (removed out of order).
        for id in UInt64(1)...100_000 {
            queue.append(id)
            if id > 10 { queue.remove(id - 10) }
            if id % 7 == 0 { _ = queue.popOldest() }
        }
        #expect(queue.count <= 10)
        #expect(queue.storedCount <= 2 * queue.count + 65)
    }

    @Test(arguments: [(20, 16), (128, 32), (1024, 256), (65_536, 4096), (Int.max, 4096)])
    func defaultLimitIsAQuarterOfTheDescriptorLimit(_ descriptors: Int, _ expected: Int) {
        #expect(PendingConnections.defaultLimit(descriptorLimit: descriptors) == expected)
    }
}
