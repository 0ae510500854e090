/// Where the cross-task backplane lives: a PostgreSQL server, the channel every task LISTENs on,
/// and how to authenticate. Built from `BACKPLANE_URL` and friends (see server/README.md);
/// without `BACKPLANE_URL` the server runs alone.
public struct BackplaneConfiguration: Sendable, Equatable {
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP (tests on loopback).
        case disable
        /// Encrypted, server certificate not verified (libpq's `require`).
        case require
        /// Encrypted, certificate checked against the system's trust roots and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The NOTIFY channel; also the prefix of the table that carries large messages.
    public var channel: String

    public init(
        host: String,
        port: Int = 5432,
        username: String,
        password: String? = nil,
        database: String,
        tls: TLSMode = .disable,
        channel: String = "websocket_broadcast"
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.channel = channel
    }

    /// The table holding messages too large for a notification.
    public var payloadTable: String { channel + "_payloads" }

    /// Every environment variable `fromEnvironment(_:)` reads.
    public static let environmentVariables = ["BACKPLANE_URL", "BACKPLANE_PASSWORD", "BACKPLANE_CHANNEL"]

    /// nil when `BACKPLANE_URL` is unset or empty. `BACKPLANE_PASSWORD` (in the stack, injected
    /// from Secrets Manager) takes precedence over a password in the URL.
    public static func fromEnvironment(_ env: [String: String]) throws -> BackplaneConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingWhitespace(), !raw.isEmpty else { return nil }
            return raw
        }
        guard let url = value("BACKPLANE_URL") else {
            if value("BACKPLANE_PASSWORD") != nil || value("BACKPLANE_CHANNEL") != nil {
                throw ServerConfiguration.InvalidSetting(
                    variable: "BACKPLANE_URL", value: "", expected: "a postgres:// URL, because BACKPLANE_PASSWORD or BACKPLANE_CHANNEL is set")
            }
            return nil
        }
        var configuration = try parse(url: url)
        if let password = env["BACKPLANE_PASSWORD"], !password.isEmpty {
            configuration.password = password
        }
        if let channel = value("BACKPLANE_CHANNEL") {
            guard isIdentifier(channel) else {
                throw ServerConfiguration.InvalidSetting(
                    variable: "BACKPLANE_CHANNEL", value: channel, expected: "a lower-case identifier: a-z, 0-9 and _, 1 to 40 characters, not starting with a digit")
            }
            configuration.channel = channel
        }
        return configuration
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=disable|require|verify-full]`.
    /// The password is never echoed in an error.
    static func parse(url: String) throws -> BackplaneConfiguration {
        func invalid(_ why: String) -> ServerConfiguration.InvalidSetting {
            ServerConfiguration.InvalidSetting(variable: "BACKPLANE_URL", value: redacted(url), expected: why)
        }
        let expected = "postgres://user[:password]@host[:port]/database[?sslmode=disable|require|verify-full]"
        var rest: Substring
        if url.hasPrefix("postgres://") {
            rest = url.dropFirst("postgres://".count)
        } else if url.hasPrefix("postgresql://") {
            rest = url.dropFirst("postgresql://".count)
        } else {
            throw invalid(expected)
        }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw invalid(expected + " (no database)") }
        let database = try percentDecoded(rest[rest.index(after: slash)...]) ?? ""
        let authority = rest[..<slash]
        guard let at = authority.lastIndex(of: "@") else { throw invalid(expected + " (no user)") }
        let credentials = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        let user: Substring
        var password: String?
        if let colon = credentials.firstIndex(of: ":") {
            user = credentials[..<colon]
            password = try percentDecoded(credentials[credentials.index(after: colon)...])
        } else {
            user = credentials
        }
        var host = hostPort
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":") {
            guard let number = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(number) else {
                throw invalid(expected + " (port must be 1 to 65535)")
            }
            port = number
            host = hostPort[..<colon]
        }
        guard let username = try percentDecoded(user), !username.isEmpty, !host.isEmpty, !database.isEmpty else {
            throw invalid(expected)
        }
        var tls = TLSMode.require
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "sslmode" else { throw invalid(expected + " (only sslmode is understood)") }
            guard let mode = TLSMode(rawValue: String(parts[1])) else { throw invalid(expected + " (sslmode)") }
            tls = mode
        }
        return BackplaneConfiguration(
            host: String(host), port: port, username: username, password: password, database: database, tls: tls)
    }

    static func isIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...40).contains(bytes.count), let first = bytes.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// The URL with its password replaced by `***`, for errors and logs.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.lastIndex(of: "@"), at > scheme.upperBound else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    private static func percentDecoded(_ text: Substring) throws -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
