import Dispatch
import Foundation
import Synchronization

/// Serves LSP over a pair of file descriptors (standard input and output for `nag lsp`).
///
/// A reader thread splits the input into frames and decodes them as they arrive; it records
/// `$/cancelRequest` at once, so a request still queued behind others is answered as cancelled instead of
/// being worked on. One task takes the messages in order and runs them through ``LanguageServer``; the
/// debounce after a change is a sleeping task that posts back into the same queue, so everything the server
/// does happens in one sequence and a later change simply supersedes the pending lint.
public struct ServerLoop: Sendable {
    public var input: Int32
    public var output: Int32
    public var project: any ProjectConfiguration

    public init(input: Int32 = 0, output: Int32 = 1, project: any ProjectConfiguration = ProjectConfigurationFile()) {
        self.input = input
        self.output = output
        self.project = project
    }

    /// What the queue carries.
    enum Event: Sendable {
        case message(IncomingMessage)
        case malformed(String)
        case lintDue(Int)
        case closed
    }

    /// Ids of requests the client cancelled, read by the reader thread and the server task.
    final class CancelledRequests: Sendable {
        let ids = Mutex<Set<RequestID>>([])

        /// Most ids remembered: a cancel for a request already answered is never looked up again.
        static let limit = 1_024

        func insert(_ id: RequestID) {
            ids.withLock { ids in
                if ids.count >= Self.limit { ids.removeAll() }
                ids.insert(id)
            }
        }

        func take(_ id: RequestID) -> Bool { ids.withLock { $0.remove(id) != nil } }
    }

    /// Serves until `exit` or the end of the input; returns the exit status (0 after `shutdown`, else 1).
    public func run() -> Int32 {
        let (events, queue) = AsyncStream<Event>.makeStream()
        let cancelled = CancelledRequests()
        let reader = Thread { [input] in Self.read(input, into: queue, cancelled: cancelled) }
        reader.stackSize = 1 << 20
        reader.start()
        let status = Mutex<Int32>(1)
        let finished = DispatchSemaphore(value: 0)
        let output = output, project = project
        Task.detached {
            let code = await Self.serve(events, queue: queue, cancelled: cancelled, output: output, project: project)
            status.withLock { $0 = code }
            finished.signal()
        }
        finished.wait()
        return status.withLock { $0 }
    }

    private static func serve(_ events: AsyncStream<Event>, queue: AsyncStream<Event>.Continuation,
                              cancelled: CancelledRequests, output: Int32, project: any ProjectConfiguration) async -> Int32 {
        var server = LanguageServer(project: project)
        for await event in events {
            let effects: [LanguageServer.Effect]
            switch event {
            case .message(let message):
                var isCancelled = false
                if case .request(let id, _, _) = message { isCancelled = cancelled.take(id) }
                effects = server.receive(message, cancelled: isCancelled)
            case .malformed(let why):
                effects = [.send(.notification(method: "window/logMessage",
                                               params: ["type": 1, "message": .string("nag: dropped input that is not a message: \(why)")]))]
            case .lintDue(let generation):
                effects = server.lintDue(generation: generation)
            case .closed:
                return server.hasShutDown ? 0 : 1
            }
            for effect in effects {
                switch effect {
                case .send(let message):
                    guard write(message.framed, to: output) else { return 1 }
                case .lintAfter(let milliseconds, let generation):
                    Task {
                        try? await Task.sleep(for: .milliseconds(milliseconds))
                        queue.yield(.lintDue(generation))
                    }
                case .exit(let code):
                    return code
                }
            }
        }
        return server.hasShutDown ? 0 : 1
    }

    /// The reader thread: frames to messages, until the input ends.
    private static func read(_ input: Int32, into queue: AsyncStream<Event>.Continuation, cancelled: CancelledRequests) {
        var frames = FrameParser()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            frames.append(buffer[0..<count])
            while let frame = frames.next() {
                switch frame {
                case .message(let content):
                    let message = IncomingMessage(content: content)
                    if case .notification("$/cancelRequest", let params) = message, let id = RequestID(params["id"]) {
                        cancelled.insert(id)
                    }
                    queue.yield(.message(message))
                case .malformed(let why):
                    queue.yield(.malformed(why))
                }
            }
        }
        queue.yield(.closed)
        queue.finish()
    }

    /// Writes all the bytes; false when the output is gone (the client quit).
    private static func write(_ bytes: [UInt8], to output: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(output, base + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }
}
