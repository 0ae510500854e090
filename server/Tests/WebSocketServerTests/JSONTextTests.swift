import NIOCore
import Testing
@testable import WebSocketServer

@Suite("JSON envelope")
struct JSONTextTests {
    @Test(arguments: [
        "{}", "[]", "0", "-1.5e10", "\"text\"", "true", "false", "null", " {\"a\": [1, 2, {\"b\": null}]} ",
        "[\"\\u00e9\\n\"]", "{\"nested\":{\"deeper\":[[[]]]}}", "\"é ✓\"",
    ])
    func validJSONIsAccepted(_ text: String) {
        #expect(JSONText.isValid(text))
    }

    @Test(arguments: [
        "", " ", "hello", "{", "}", "[1,]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "01", "1.", "-", "\"unterminated",
        "\"tab\there\"", "[1] [2]", "nul", "tru", "{\"a\":1,}", "\"\\x\"", "\"\\u12\"", "+1", ".5",
    ])
    func invalidJSONIsRejected(_ text: String) {
        #expect(!JSONText.isValid(text))
    }

    @Test func nestingBeyondTheLimitIsTreatedAsText() {
        let deep = String(repeating: "[", count: JSONText.maxDepth + 1) + String(repeating: "]", count: JSONText.maxDepth + 1)
        let fits = String(repeating: "[", count: JSONText.maxDepth) + String(repeating: "]", count: JSONText.maxDepth)
        #expect(!JSONText.isValid(deep))
        #expect(JSONText.isValid(fits))
    }

    @Test func envelopeEmbedsJSONAndQuotesEverythingElse() {
        #expect(String(buffer: JSONText.envelope(for: #"{"a":1}"#)) == #"{"message":{"a":1}}"#)
        #expect(String(buffer: JSONText.envelope(for: "42")) == #"{"message":42}"#)
        #expect(String(buffer: JSONText.envelope(for: "hi \"you\"\n\\")) == #"{"message":"hi \"you\"\n\\"}"#)
        #expect(String(buffer: JSONText.envelope(for: "\u{01}é")) == "{\"message\":\"\\u0001é\"}")
        #expect(String(buffer: JSONText.envelope(for: "")) == #"{"message":""}"#)
    }

    @Test func quotedOutputIsValidJSON() {
        for sample in ["plain", "quote\"", "\u{0}\u{1f}\u{7f}", "line\r\nbreak", "emoji 🎉", "back\\slash"] {
            #expect(JSONText.isValid(JSONText.quoted(sample)), "\(sample)")
            #expect(JSONText.isValid(String(buffer: JSONText.envelope(for: sample))), "\(sample)")
        }
    }
}

@Suite("Configuration from environment")
struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try ServerConfiguration.fromEnvironment([:])
        #expect(configuration.port == 8080)
        #expect(configuration.pingInterval == .seconds(30))
        #expect(configuration.maxMessageBytes == 65536)
        #expect(configuration.drainTimeout == .seconds(10))
        #expect(configuration.maxConnections == 10_000)
        #expect(configuration.headTimeout == .seconds(10))
        #expect(configuration.maxPendingConnections == nil)
        #expect(configuration.originVerify == nil)
        #expect(configuration.logLevel == .info)
    }

    @Test func everyVariableIsRead() throws {
        let configuration = try ServerConfiguration.fromEnvironment([
            "HOST": "127.0.0.1", "PORT": "9000", "PING_INTERVAL_SECONDS": "12.5", "MAX_MESSAGE_BYTES": "1024",
            "DRAIN_TIMEOUT_SECONDS": "3", "CLIENT_QUEUE_SIZE": "16", "MAX_CONNECTIONS": "50",
            "HEAD_TIMEOUT_SECONDS": "2.5", "MAX_PENDING_CONNECTIONS": "64",
            "ORIGIN_VERIFY_HEADER": "X-Origin-Verify", "ORIGIN_VERIFY_VALUE": "secret", "LOG_LEVEL": "debug", "LOG_FORMAT": "json",
        ])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 9000)
        #expect(configuration.pingInterval == .milliseconds(12500))
        #expect(configuration.maxMessageBytes == 1024)
        #expect(configuration.drainTimeout == .seconds(3))
        #expect(configuration.clientQueueSize == 16)
        #expect(configuration.maxConnections == 50)
        #expect(configuration.headTimeout == .milliseconds(2500))
        #expect(configuration.maxPendingConnections == 64)
        #expect(configuration.originVerify == .init(header: "X-Origin-Verify", value: "secret"))
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logFormat == .json)
    }

    @Test(arguments: [
        ["PORT": "http"], ["PORT": "70000"], ["MAX_CONNECTIONS": "0"], ["PING_INTERVAL_SECONDS": "-1"],
        ["HEAD_TIMEOUT_SECONDS": "0"], ["MAX_PENDING_CONNECTIONS": "0"],
        ["ORIGIN_VERIFY_HEADER": "X-Only-Name"], ["ORIGIN_VERIFY_VALUE": "only-value"],
        ["ORIGIN_VERIFY_HEADER": "Bad Name", "ORIGIN_VERIFY_VALUE": "v"], ["LOG_LEVEL": "loud"],
    ])
    func malformedValuesAreErrors(_ environment: [String: String]) {
        #expect(throws: ServerConfiguration.InvalidSetting.self) {
            try ServerConfiguration.fromEnvironment(environment)
        }
    }
}
