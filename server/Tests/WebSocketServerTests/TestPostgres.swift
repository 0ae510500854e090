#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A PostgreSQL server of the test's own (scripts/test-postgres.sh): a new data directory under
/// /tmp, 127.0.0.1 on a free port, trust authentication. Stopped and deleted by `withTestPostgres`.
struct TestPostgres: Sendable {
    let directory: String
    let port: Int

    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable" }

    struct ScriptFailed: Error, CustomStringConvertible {
        let command: String
        let status: ChildProcess.Status?
        let output: String
        var description: String { "test-postgres.sh \(command) failed (\(String(describing: status))): \(output)" }
    }

    static let script: String = {
        // .../server/Tests/WebSocketServerTests/TestPostgres.swift → .../server/scripts/test-postgres.sh
        var path = #filePath
        for _ in 0..<3 {
            if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
        }
        return path + "/scripts/test-postgres.sh"
    }()

    /// Whether PostgreSQL's server programs are installed here.
    static let binariesPresent: Bool = {
        if access("/usr/local/bin/initdb", X_OK) == 0 || access("/usr/bin/initdb", X_OK) == 0 { return true }
        guard let directory = opendir("/usr/lib/postgresql") else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix("."), access("/usr/lib/postgresql/\(name)/bin/initdb", X_OK) == 0 { return true }
        }
        return false
    }()

    /// CI (`.ci/run`) sets SERVER_REQUIRE_POSTGRES=1: there a missing PostgreSQL fails the
    /// backplane tests instead of skipping them.
    static let required = getenv("SERVER_REQUIRE_POSTGRES").map { String(cString: $0) == "1" } ?? false

    static var shouldRun: Bool { binariesPresent || required }

    @discardableResult
    static func run(_ command: String, _ directory: String, _ extra: [String] = []) async throws -> String {
        let process = try ChildProcess.spawn("/bin/bash", arguments: [script, command, directory] + extra, environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"])
        let status = await process.waitForExit(timeout: .seconds(60))
        guard status == .exited(0) else {
            process.send(SIGKILL)
            throw ScriptFailed(command: command, status: status, output: process.output)
        }
        return process.output
    }

    /// Crashes the server (`pg_ctl stop -m immediate`): every connection drops at once.
    func kill() async throws { try await Self.run("kill", directory) }

    /// Runs `sql` with psql; returns its rows, one per line, fields separated by `|`.
    func sql(_ sql: String) async throws -> String { try await Self.run("sql", directory, [sql]) }

    /// Starts it again on the same port and data directory.
    func restart() async throws { try await Self.run("restart", directory) }
}

/// Starts a PostgreSQL server, runs `body`, then stops it and deletes its directory.
func withTestPostgres<Result>(_ body: (TestPostgres) async throws -> Result) async throws -> Result {
    var template = Array("/tmp/ws-backplane-pg-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else { throw TestPostgres.ScriptFailed(command: "mkdtemp", status: nil, output: "errno \(errno)") }
    let directory = String(cString: created)
    let output: String
    do {
        output = try await TestPostgres.run("start", directory)
    } catch {
        _ = try? await TestPostgres.run("stop", directory)
        throw error
    }
    let port = try #require(Int(output.split(separator: "\n").last.map(String.init) ?? ""), "no port in: \(output)")
    let postgres = TestPostgres(directory: directory, port: port)
    do {
        let result = try await body(postgres)
        try await TestPostgres.run("stop", directory)
        return result
    } catch {
        _ = try? await TestPostgres.run("stop", directory)
        throw error
    }
}
