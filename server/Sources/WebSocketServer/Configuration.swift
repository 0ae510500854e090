import Logging

/// Every runtime setting of the server. `fromEnvironment(_:)` reads them from environment
/// variables (documented in server/README.md); tests build one directly.
public struct ServerConfiguration: Sendable, Equatable {
    /// Address to bind. `0.0.0.0` in a container; tests use `127.0.0.1`.
    public var host: String
    /// TCP port; 0 asks the kernel for a free one (tests).
    public var port: Int
    /// Interval between server pings. A peer that has not answered one ping by the time the
    /// next one is due is dropped.
    public var pingInterval: Duration
    /// Largest WebSocket message (and frame) accepted from a client, in bytes.
    public var maxMessageBytes: Int
    /// Time allowed, from the shutdown signal, to close every client and drain.
    public var drainTimeout: Duration
    /// Outgoing messages buffered per client before that client counts as too slow.
    public var clientQueueSize: Int
    /// Open WebSocket connections allowed at once; further upgrades get 503.
    public var maxConnections: Int
    /// Time a new connection has to send its first complete request head; past it the server
    /// answers 408 and closes the connection.
    public var headTimeout: Duration
    /// Connections still waiting for their first request head that are kept at once; one more
    /// closes the oldest (503). nil: a quarter of the process's descriptor limit (see
    /// `PendingConnections.defaultLimit(descriptorLimit:)`).
    public var maxPendingConnections: Int?
    /// When set, requests must carry this header with this value (else 403).
    public var originVerify: OriginVerify?
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    /// The cross-task backplane; nil runs the server alone.
    public var backplane: BackplaneConfiguration?

    public struct OriginVerify: Sendable, Equatable {
        public var header: String
        public var value: String
        public init(header: String, value: String) {
            self.header = header
            self.value = value
        }
    }

    public enum LogFormat: String, Sendable, Equatable {
        case text
        case json
    }

    public init(
        host: String = "0.0.0.0",
        port: Int = 8080,
        pingInterval: Duration = .seconds(30),
        maxMessageBytes: Int = 64 * 1024,
        drainTimeout: Duration = .seconds(10),
        clientQueueSize: Int = 256,
        maxConnections: Int = 10_000,
        headTimeout: Duration = .seconds(10),
        maxPendingConnections: Int? = nil,
        originVerify: OriginVerify? = nil,
        logLevel: Logger.Level = .info,
        logFormat: LogFormat = .text,
        backplane: BackplaneConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.pingInterval = pingInterval
        self.maxMessageBytes = maxMessageBytes
        self.drainTimeout = drainTimeout
        self.clientQueueSize = clientQueueSize
        self.maxConnections = maxConnections
        self.headTimeout = headTimeout
        self.maxPendingConnections = maxPendingConnections
        self.originVerify = originVerify
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.backplane = backplane
    }

    public struct InvalidSetting: Error, CustomStringConvertible {
        public let variable: String
        public let value: String
        public let expected: String
        public var description: String {
            "invalid value \(String(reflecting: value)) for \(variable): expected \(expected)"
        }
    }

    /// Every environment variable `fromEnvironment(_:)` reads.
    public static let environmentVariables = [
        "HOST", "PORT", "PING_INTERVAL_SECONDS", "MAX_MESSAGE_BYTES", "DRAIN_TIMEOUT_SECONDS", "CLIENT_QUEUE_SIZE",
        "MAX_CONNECTIONS", "HEAD_TIMEOUT_SECONDS", "MAX_PENDING_CONNECTIONS", "ORIGIN_VERIFY_HEADER", "ORIGIN_VERIFY_VALUE",
        "LOG_LEVEL", "LOG_FORMAT",
    ] + BackplaneConfiguration.environmentVariables

    /// Reads the configuration from environment variables. Unset or empty variables keep their
    /// defaults; a malformed value is an error rather than being silently ignored.
    public static func fromEnvironment(_ env: [String: String]) throws -> ServerConfiguration {
        var config = ServerConfiguration()
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingWhitespace(), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let raw = value(name) else { return nil }
            guard let number = Int(raw), range.contains(number) else {
                throw InvalidSetting(variable: name, value: raw, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        }
        func seconds(_ name: String, in range: ClosedRange<Double>) throws -> Duration? {
            guard let raw = value(name) else { return nil }
            guard let number = Double(raw), number.isFinite, range.contains(number) else {
                throw InvalidSetting(variable: name, value: raw, expected: "a number of seconds in \(range.lowerBound)...\(range.upperBound)")
            }
            return .milliseconds(Int64((number * 1000).rounded()))
        }

        if let host = value("HOST") { config.host = host }
        if let port = try integer("PORT", in: 0...65535) { config.port = port }
        if let ping = try seconds("PING_INTERVAL_SECONDS", in: 0.1...3600) { config.pingInterval = ping }
        if let size = try integer("MAX_MESSAGE_BYTES", in: 16...(16 * 1024 * 1024)) { config.maxMessageBytes = size }
        if let drain = try seconds("DRAIN_TIMEOUT_SECONDS", in: 0.1...3600) { config.drainTimeout = drain }
        if let queue = try integer("CLIENT_QUEUE_SIZE", in: 1...1_000_000) { config.clientQueueSize = queue }
        if let limit = try integer("MAX_CONNECTIONS", in: 1...10_000_000) { config.maxConnections = limit }
        if let timeout = try seconds("HEAD_TIMEOUT_SECONDS", in: 0.1...3600) { config.headTimeout = timeout }
        if let pending = try integer("MAX_PENDING_CONNECTIONS", in: 1...1_000_000) { config.maxPendingConnections = pending }

        switch (value("ORIGIN_VERIFY_HEADER"), env["ORIGIN_VERIFY_VALUE"].flatMap { $0.isEmpty ? nil : $0 }) {
        case (nil, nil):
            config.originVerify = nil
        case (let header?, let expected?):
            // RFC 9110 token characters only, so the name is a valid HTTP field name.
            let tokenPunctuation = Set("!#$%&'*+-.^_`|~".utf8)
            let isToken: (UInt8) -> Bool = { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || tokenPunctuation.contains(byte)
            }
            guard header.utf8.allSatisfy(isToken) else {
                throw InvalidSetting(variable: "ORIGIN_VERIFY_HEADER", value: header, expected: "an HTTP header name")
            }
            config.originVerify = OriginVerify(header: header, value: expected)
        case (nil, _?):
            throw InvalidSetting(variable: "ORIGIN_VERIFY_HEADER", value: "", expected: "a header name, because ORIGIN_VERIFY_VALUE is set")
        case (_?, nil):
            throw InvalidSetting(variable: "ORIGIN_VERIFY_VALUE", value: "", expected: "a secret value, because ORIGIN_VERIFY_HEADER is set")
        }

        if let level = value("LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw InvalidSetting(variable: "LOG_LEVEL", value: level, expected: "one of trace, debug, info, notice, warning, error, critical")
            }
            config.logLevel = parsed
        }
        if let format = value("LOG_FORMAT") {
            guard let parsed = LogFormat(rawValue: format.lowercased()) else {
                throw InvalidSetting(variable: "LOG_FORMAT", value: format, expected: "text or json")
            }
            config.logFormat = parsed
        }
        config.backplane = try BackplaneConfiguration.fromEnvironment(env)
        return config
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = self.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = self.lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

extension Duration {
    /// The duration in seconds, as a Double (for logs and reports).
    var secondsValue: Double {
        let (seconds, attoseconds) = self.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
