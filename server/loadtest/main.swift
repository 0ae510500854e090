import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import WebSocketClientKit

#if canImport(Glibc)
import Glibc
#endif

/// Opens N WebSocket connections to a running server, has one of them send M messages at a
/// fixed rate, and measures what every client receives. Every loop is bounded by a count and
/// by a deadline.
@main
struct LoadTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest",
        abstract: "Load test for websocket-server: connection rate, broadcast latency, throughput, server memory."
    )

    @Option(help: "Server host.") var host = "127.0.0.1"
    @Option(help: "Server port.") var port = 8080
    @Option(name: .shortAndLong, help: "Connections to open (N).") var connections = 1000
    @Option(name: .shortAndLong, help: "Messages to broadcast (M).") var messages = 100
    @Option(help: "Messages per second the sender sends.") var rate = 20.0
    @Option(help: "Payload bytes per message.") var payloadBytes = 64
    @Option(help: "Handshakes in flight at once while connecting.") var connectBatch = 250
    @Option(help: "Server process id, to read its peak memory (VmHWM) from /proc.") var serverPid: Int32?
    @Option(help: "Overall deadline in seconds.") var deadline = 300.0
    @Option(help: "Port of a second server on the same backplane: every other client connects there (two-process mode).")
    var secondPort: Int?
    @Option(help: "Second server's process id, for its peak memory.") var secondServerPid: Int32?

    func run() async throws {
        let start = ContinuousClock.now
        let hardDeadline = start.advanced(by: .milliseconds(Int64(deadline * 1000)))
        let counters = Counters()
        let startSending = Barrier()
        let padding = String(repeating: "x", count: max(0, payloadBytes - 40))
        let expected = messages
        let host = self.host, port = self.port, rate = self.rate, messages = self.messages, secondPort = self.secondPort

        print("loadtest: \(connections) connections, \(messages) messages at \(rate)/s, payload \(payloadBytes) B, server \(host):\(port)"
            + (secondPort.map { ", second server :\($0) (odd clients; the sender is on the first)" } ?? ""))
        let results = try await withThrowingTaskGroup(of: ClientResult.self) { group in
            var started = 0
            let connectStart = ContinuousClock.now
            // Ramp up in batches so handshakes do not all land at once.
            while started < connections {
                let batch = min(connectBatch, connections - started)
                for offset in 0..<batch {
                    let index = started + offset
                    let remote = secondPort != nil && index % 2 == 1
                    group.addTask {
                        var result = await Self.client(
                            index: index, host: host, port: remote ? secondPort ?? port : port, expected: expected, messages: messages, rate: rate,
                            padding: padding, counters: counters, startSending: startSending,
                            deadline: hardDeadline
                        )
                        result.remote = remote
                        return result
                    }
                }
                started += batch
                while counters.connected.load(ordering: .relaxed) + counters.failed.load(ordering: .relaxed) < started, ContinuousClock.now < hardDeadline {
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            let connectElapsed = (ContinuousClock.now - connectStart).seconds
            let ok = counters.connected.load(ordering: .relaxed)
            print(String(format: "connect: %d ok, %d failed in %.2f s = %.0f connections/s", ok, counters.failed.load(ordering: .relaxed), connectElapsed, Double(ok) / connectElapsed))
            if let pid = serverPid { print("server memory after connect: \(Self.memory(pid: pid))") }
            await startSending.open()
            var results: [ClientResult] = []
            for try await result in group { results.append(result) }
            return results
        }

        if secondPort != nil {
            Self.report("all clients", results, messages: messages)
            Self.report("same task as the sender", results.filter { !$0.remote }, messages: messages)
            Self.report("cross-task (via the backplane)", results.filter { $0.remote }, messages: messages)
        } else {
            Self.report(nil, results, messages: messages)
        }
        if let pid = serverPid { print("server memory: \(Self.memory(pid: pid))") }
        if let pid = secondServerPid { print("second server memory: \(Self.memory(pid: pid))") }
        print(String(format: "total time: %.2f s", (ContinuousClock.now - start).seconds))
    }

    /// Prints delivery, latency percentiles and throughput over `results` (headed by `label` if given).
    static func report(_ label: String?, _ results: [ClientResult], messages: Int) {
        if let label { print("-- \(label): \(results.count) clients") }
        var latencies: [Int64] = []
        latencies.reserveCapacity(results.reduce(0) { $0 + $1.latencies.count })
        var firstSend = Int64.max, lastReceive = Int64.min, closes: [String: Int] = [:]
        for result in results {
            latencies.append(contentsOf: result.latencies)
            if let first = result.firstSend { firstSend = min(firstSend, first) }
            if let last = result.lastReceive { lastReceive = max(lastReceive, last) }
            if let end = result.end { closes[end, default: 0] += 1 }
        }
        if firstSend == Int64.max {
            // The sender's own record is in the other group; start the window at the earliest send time seen.
            firstSend = results.compactMap(\.firstReceiveSent).min() ?? Int64.max
        }
        latencies.sort()
        let delivered = latencies.count
        let wanted = results.count * messages
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let index = min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)
            return Double(latencies[max(0, index)]) / 1e6
        }
        let window = lastReceive > firstSend ? Double(lastReceive - firstSend) / 1e9 : .nan
        print(String(format: "delivered: %d of %d (%.2f%%)", delivered, wanted, wanted > 0 ? 100 * Double(delivered) / Double(wanted) : 0))
        print(String(format: "broadcast latency ms: p50 %.2f  p99 %.2f  max %.2f", percentile(0.5), percentile(0.99), latencies.last.map { Double($0) / 1e6 } ?? .nan))
        print(String(format: "throughput: %.0f messages/s delivered over %.2f s (%.1f broadcasts/s sent)", Double(delivered) / window, window, Double(messages) / window))
        if !closes.isEmpty { print("connection ends: \(closes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))") }
    }

    struct ClientResult: Sendable {
        var remote = false
        /// Send time of the first message this client received.
        var firstReceiveSent: Int64?
        var latencies: [Int64] = []
        var firstSend: Int64?
        var lastReceive: Int64?
        var end: String?
    }

    static func client(
        index: Int, host: String, port: Int, expected: Int, messages: Int, rate: Double, padding: String,
        counters: Counters, startSending: Barrier, deadline: ContinuousClock.Instant
    ) async -> ClientResult {
        var result = ClientResult()
        var didConnect = false
        do {
            try await WebSocketClient.connect(host: host, port: port) { connection in
                guard case .text = try await connection.receive(timeout: .seconds(60)) else {
                    result.end = "no-greeting"
                    return
                }
                didConnect = true
                counters.connected.add(1, ordering: .relaxed)
                await startSending.wait()
                var sending: Task<Void, any Error>?
                if index == 0 {
                    let sender = connection.sender
                    sending = Task {
                        let interval = Duration.nanoseconds(Int64(1e9 / rate))
                        var next = ContinuousClock.now
                        for sequence in 0..<messages {
                            try await Task.sleep(until: next)
                            next = next.advanced(by: interval)
                            try await sender.send(text: #"{"t":\#(now()),"i":\#(sequence),"p":"\#(padding)"}"#)
                        }
                    }
                    result.firstSend = now()
                }
                while result.latencies.count < expected, ContinuousClock.now < deadline {
                    let event = try await connection.receive(timeout: .seconds(30))
                    guard case .text(let text) = event else {
                        result.end = "\(event)"
                        break
                    }
                    let received = now()
                    if let sent = sentTime(in: text) {
                        if result.firstReceiveSent == nil { result.firstReceiveSent = sent }
                        result.latencies.append(received - sent)
                        result.lastReceive = received
                    }
                }
                if result.end == nil { result.end = "complete" }
                _ = try? await sending?.value
                try? await connection.sendClose()
                _ = try? await connection.receive(timeout: .seconds(5))
            }
        } catch {
            result.end = "error"
        }
        if !didConnect { counters.failed.add(1, ordering: .relaxed) }
        return result
    }

    /// Monotonic nanoseconds.
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    /// The "t" field of `{"message":{"t":123,...}}`.
    static func sentTime(in text: String) -> Int64? {
        var utf8 = text.utf8[...]
        let key = Array(#""t":"#.utf8)
        guard let range = utf8.firstRange(of: key) else { return nil }
        utf8 = utf8[range.upperBound...]
        var value: Int64 = 0
        var digits = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// VmHWM (peak resident set) and VmRSS of a process, from /proc/<pid>/status.
    static func memory(pid: Int32) -> String {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return "unavailable" }
        defer { fclose(file) }
        var fields: [String] = []
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") || text.hasPrefix("VmRSS:") {
                fields.append(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " "))
            }
        }
        return fields.joined(separator: ", ")
    }
}

final class Counters: Sendable {
    let connected = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
}

/// A gate that tasks wait at until it is opened once.
actor Barrier {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
