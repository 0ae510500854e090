import Foundation

/// Paths of the package, its fixtures and its built products, found from this file's location.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    static let stack = path("server/stack/websocket-service.yaml")
    /// The `nag` built with the tests: `NAG_BINARY` when set, else the one beside the test bundle (the build
    /// folder `swift test` used, whatever its `--scratch-path`), else `.build/debug/nag`.
    static let nagBinary: String = {
        if let given = ProcessInfo.processInfo.environment["NAG_BINARY"], !given.isEmpty { return given }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nag").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return path(".build/debug/nag")
    }()

    /// Runs a program, returning its exit status and what it printed on stdout and stderr.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
