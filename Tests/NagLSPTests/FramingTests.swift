import Testing
@testable import NagLSP

@Suite struct FramingTests {
    private func frames(_ chunks: [String], limit: Int = 1 << 20) -> [FrameParser.Frame] {
        var parser = FrameParser(maxContentLength: limit)
        var out: [FrameParser.Frame] = []
        for chunk in chunks {
            parser.append(Array(chunk.utf8))
            while let frame = parser.next() { out.append(frame) }
        }
        return out
    }

    private func message(_ text: String) -> FrameParser.Frame { .message(Array(text.utf8)) }

    @Test func readsMessagesSplitAnywhereAndSeveralInOneChunk() {
        let stream = "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 3\r\n\r\n[1]"
        for cut in 0...stream.utf8.count {
            let bytes = Array(stream.utf8)
            let parts = [String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self)]
            #expect(frames(parts) == [message("{}"), message("[1]")], "cut at \(cut)")
        }
    }

    @Test func countsTheLengthInBytesNotCharacters() {
        #expect(frames(["Content-Length: 6\r\n\r\n\"é😀\"... more"]) == [.message(Array("\"é😀".utf8.prefix(6)))])
    }

    @Test func waitsForTheWholeContent() {
        #expect(frames(["Content-Length: 10\r\n\r\n{\"a\":"]) == [])
    }

    @Test func dropsAHeaderWithoutAUsableLengthAndGoesOn() {
        let out = frames(["X-Other: 1\r\n\r\nContent-Length: abc\r\n\r\nContent-Length: 2\r\n\r\n{}"])
        #expect(out.count == 3)
        guard out.count == 3, case .malformed(let first) = out[0], case .malformed(let second) = out[1] else { return }
        #expect(first.contains("without Content-Length"))
        #expect(second.contains("not a number"))
        #expect(out[2] == message("{}"))
    }

    @Test func refusesConflictingLengths() {
        let out = frames(["Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"])
        guard case .malformed(let why) = out.first else { Issue.record("expected a complaint, got \(out)"); return }
        #expect(why.contains("more than once"))
    }

    @Test func skipsAnOversizedMessageAndStaysInStep() {
        let big = String(repeating: "x", count: 100)
        let out = frames(["Content-Length: 100\r\n\r\n", big.prefix(40).description, big.dropFirst(40).description + "Content-Length: 2\r\n\r\n{}"], limit: 50)
        #expect(out.count == 2)
        guard case .malformed(let why) = out.first else { Issue.record("expected a complaint, got \(out)"); return }
        #expect(why.contains("larger than the limit of 50 bytes"))
        #expect(out.last == message("{}"))
    }

    @Test func findsTheHeaderAfterStrayText() {
        // A message whose declared length was too short leaves its tail before the next header.
        let out = frames(["Content-Length: 2\r\n\r\n{\"a\": 1}Content-Length: 2\r\n\r\n{}"])
        #expect(out.count == 3)
        #expect(out.first == message("{\""))
        guard out.count == 3, case .malformed(let why) = out[1] else { return }
        #expect(why.contains("before Content-Length"))
        #expect(out[2] == message("{}"))
    }

    @Test func dropsAHeaderThatNeverEnds() {
        let out = frames([String(repeating: "a", count: FrameParser.maxHeaderBytes + 10), "Content-Length: 2\r\n\r\n{}"])
        #expect(out.count == 2)
        guard case .malformed(let why) = out.first else { Issue.record("expected a complaint, got \(out)"); return }
        #expect(why.contains("header longer than"))
        #expect(out.last == message("{}"))
    }

    @Test func encodesWithTheByteLength() {
        #expect(FrameParser.encode(Array("é".utf8)) == Array("Content-Length: 2\r\n\r\né".utf8))
    }

    @Test func classifiesMessages() {
        func incoming(_ text: String) -> IncomingMessage { IncomingMessage(content: Array(text.utf8)) }
        #expect(incoming(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#) == .request(id: .number(7), method: "shutdown", params: .null))
        #expect(incoming(#"{"jsonrpc":"2.0","id":"a","method":"x","params":{}}"#) == .request(id: .string("a"), method: "x", params: [:]))
        #expect(incoming(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#) == .notification(method: "initialized", params: [:]))
        #expect(incoming(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == .response(id: .number(3)))
        #expect(incoming("{nope") == .invalid(id: nil, error: RPCError(RPCError.parseError, "the message is not valid JSON")))
        guard case .invalid(let id, let error) = incoming(#"{"jsonrpc":"1.0","id":4,"method":"x"}"#) else { Issue.record("not invalid"); return }
        #expect(id == .number(4))
        #expect(error.code == RPCError.invalidRequest)
        guard case .invalid(_, let batch) = incoming("[]"), case .invalid(_, let method) = incoming(#"{"jsonrpc":"2.0","id":1,"method":5}"#),
              case .invalid(_, let badId) = incoming(#"{"jsonrpc":"2.0","id":[1],"method":"x"}"#) else { Issue.record("not invalid"); return }
        #expect([batch.code, method.code, badId.code] == [RPCError.invalidRequest, RPCError.invalidRequest, RPCError.invalidRequest])
    }
}
