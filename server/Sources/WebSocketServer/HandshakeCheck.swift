import NIOHTTP1

/// Checks a request that asks for a WebSocket upgrade against the opening handshake of
/// RFC 6455 §4.2.1 before anything else is decided about it.
///
/// NIO's upgrader checks less (it upgrades a `POST`, an HTTP/1.0 request, a request without
/// `Connection: Upgrade` or with a key that is not a 16-byte nonce) and closes the connection
/// without an answer when the key or the version is missing. A request with a body is worse: the
/// upgrade fails half-way and the connection is never closed. The `UpgradeGate` refuses every
/// such request with an answer instead (see `Problem.status`).
enum HandshakeCheck {
    /// What is wrong with an upgrade request.
    enum Problem: Equatable, Sendable, CustomStringConvertible {
        case methodNotGet
        case httpVersionBelow1_1
        case missingHost
        case missingConnectionUpgrade
        case hasBody
        case invalidKey
        case missingVersion
        /// `Sec-WebSocket-Version` names a version other than 13.
        case unsupportedVersion

        /// 426 for an unsupported version (RFC 6455 §4.4, answered with the version we speak),
        /// 400 for everything else (§4.2.1).
        var status: Int { self == .unsupportedVersion ? 426 : 400 }

        var description: String {
            switch self {
            case .methodNotGet: "the method is not GET"
            case .httpVersionBelow1_1: "the HTTP version is below 1.1"
            case .missingHost: "there is no Host header"
            case .missingConnectionUpgrade: "the Connection header does not include Upgrade"
            case .hasBody: "the request has a body"
            case .invalidKey: "Sec-WebSocket-Key is not one base64-encoded 16-byte nonce"
            case .missingVersion: "there is no Sec-WebSocket-Version header"
            case .unsupportedVersion: "Sec-WebSocket-Version is not 13"
            }
        }
    }

    /// The WebSocket protocol version this server speaks.
    static let supportedVersion = "13"

    /// The first problem found in `head`, or nil when it is a well-formed opening handshake.
    static func problem(with head: HTTPRequestHead) -> Problem? {
        let headers = head.headers
        if head.method != .GET { return .methodNotGet }
        if head.version.major < 1 || (head.version.major == 1 && head.version.minor < 1) { return .httpVersionBelow1_1 }
        if headers["host"].isEmpty { return .missingHost }
        if !tokens(headers["connection"]).contains("upgrade") { return .missingConnectionUpgrade }
        let contentLengths = headers["content-length"].map { Substring($0).trimmingWhitespaceASCII() }
        if !headers["transfer-encoding"].isEmpty || contentLengths.contains(where: { $0 != "0" }) { return .hasBody }
        let keys = headers["sec-websocket-key"]
        guard keys.count == 1, isNonce(Substring(keys[0]).trimmingWhitespaceASCII()) else { return .invalidKey }
        let versions = headers["sec-websocket-version"]
        if versions.isEmpty { return .missingVersion }
        guard versions.count == 1, Substring(versions[0]).trimmingWhitespaceASCII() == supportedVersion else { return .unsupportedVersion }
        return nil
    }

    /// The comma-separated tokens of every value of a header, lowercased.
    static func tokens(_ values: [String]) -> Set<String> {
        var result: Set<String> = []
        for value in values {
            for token in value.split(separator: ",") {
                result.insert(token.trimmingWhitespaceASCII().lowercased())
            }
        }
        return result
    }

    /// True when `key` is the base64 form of 16 bytes: 22 characters of the base64 alphabet and `==`.
    static func isNonce(_ key: Substring) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count == 24, bytes[22] == UInt8(ascii: "="), bytes[23] == UInt8(ascii: "=") else { return false }
        return bytes[..<22].allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }
}
