import Foundation
import Testing
@testable import NagLSP

/// `nag lsp` as a process: the loop, the framing on real pipes, and the exit status.
@Suite struct ServerProcessTests {
    /// The `nag` built with the tests: `NAG_BINARY` when set, else the one beside the test bundle.
    static let nag: String = {
        if let given = ProcessInfo.processInfo.environment["NAG_BINARY"], !given.isEmpty { return given }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nag").path
    }()

    private func frame(_ message: JSONValue) -> [UInt8] { FrameParser.encode(Array(message.rendered().utf8)) }

    /// Runs `nag lsp` on the input; returns the messages it wrote and its exit status.
    private func serve(_ input: [UInt8]) throws -> (messages: [JSONValue], status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.nag)
        process.arguments = ["lsp"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var parser = FrameParser()
        parser.append(output)
        var messages: [JSONValue] = []
        while let next = parser.next() {
            guard case .message(let content) = next else { Issue.record("nag wrote a malformed frame: \(next)"); continue }
            messages.append(try JSONValue(parsing: content))
        }
        return (messages, process.terminationStatus)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nag)))
    func servesASessionAndExitsCleanly() throws {
        let uri = "file:///nag-lsp-test/t.yaml"
        var input: [UInt8] = []
        for message: JSONValue in [
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]],
            ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
                "uri": .string(uri), "languageId": "yaml", "version": 1, "text": "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n"]]],
            ["jsonrpc": "2.0", "id": 2, "method": "shutdown"],
            ["jsonrpc": "2.0", "method": "exit"],
        ] { input += frame(message) }
        let (messages, status) = try serve(input)
        #expect(status == 0)
        #expect(messages.first?["result"]?["serverInfo"]?["name"] == "nag")
        let published = try #require(messages.first { $0["method"] == "textDocument/publishDiagnostics" })
        #expect(published["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == "AwsSolutions-S1" } == true)
        #expect(messages.last?["id"] == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nag)))
    func survivesGarbageAndEndsWithOneWithoutShutdown() throws {
        var input = Array("Content-Length: x\r\n\r\nContent-Length: 3\r\n\r\n{]}".utf8)
        input += frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        input += Array("Content-Length: 5\r\n\r\n{".utf8)  // the input ends inside a message
        let (messages, status) = try serve(input)
        #expect(status == 1)
        #expect(messages.contains { $0["method"] == "window/logMessage" })
        #expect(messages.contains { $0["error"]?["code"] == .int(RPCError.parseError) })
        #expect(messages.contains { $0["id"] == 1 && $0["result"] != nil })
    }
}
