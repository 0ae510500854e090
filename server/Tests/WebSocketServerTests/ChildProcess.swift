#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A child process started with posix_spawn (stdout and stderr to /dev/null). Waiting is done
/// by polling `waitpid(WNOHANG)`, so no thread is ever blocked.
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
    private let reaped = Mutex<Status?>(nil)

    private init(pid: pid_t) {
        self.pid = pid
    }

    static func spawn(_ path: String, arguments: [String] = [], environment: [String: String]) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else { throw SpawnFailed(path: path, errno: result) }
        return ChildProcess(pid: pid)
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
