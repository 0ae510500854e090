#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A child process started with posix_spawn, its stdout and stderr going to a temporary file (so a
/// test that fails can show what the process said). Waiting is done by polling `waitpid(WNOHANG)`,
/// so no thread is ever blocked.
final class ChildProcess: Sendable {
    enum Status: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        let path: String
        let errno: Int32
        var description: String { "posix_spawn \(path) failed: errno \(errno)" }
    }

    let pid: pid_t
    /// Where the process's stdout and stderr go.
    let outputPath: String
    private let reaped = Mutex<Status?>(nil)

    private init(pid: pid_t, outputPath: String) {
        self.pid = pid
        self.outputPath = outputPath
    }

    deinit {
        unlink(outputPath)
    }

    /// What the process has written so far (stdout and stderr interleaved), at most 64 KiB.
    var output: String {
        guard let file = fopen(outputPath, "r") else { return "" }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 65536)
        let count = fread(&bytes, 1, bytes.count, file)
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    static func spawn(_ path: String, arguments: [String] = [], environment: [String: String]) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var template = Array("/tmp/child-process-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw SpawnFailed(path: path, errno: errno) }
        close(fd)
        let outputPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else {
            unlink(outputPath)
            throw SpawnFailed(path: path, errno: result)
        }
        return ChildProcess(pid: pid, outputPath: outputPath)
    }

    func send(_ signal: Int32) {
        if status == nil { kill(pid, signal) }
    }

    /// nil while running; the exit status once it has ended.
    var status: Status? {
        reaped.withLock { reaped in
            if let reaped { return reaped }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return nil }
            let signal = raw & 0x7F
            reaped = signal == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(signal)
            return reaped
        }
    }

    var isRunning: Bool { status == nil }

    /// Polls until the process has ended or `timeout` passes.
    func waitForExit(timeout: Duration) async -> Status? {
        _ = await eventually(timeout: timeout) { !isRunning }
        return status
    }
}
