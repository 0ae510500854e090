import NIOCore

/// A channel shared by every task of the service: what a local client sends is published on it,
/// and what other tasks publish comes back through `deliver`. Local delivery never waits for it.
public protocol Backplane: Sendable {
    /// Queues a message from a local client (already its complete JSON envelope) for the other
    /// tasks. Never blocks; while the backplane is down the message reaches local clients only.
    func publish(_ message: ByteBuffer)
    /// Connected, or degraded since when and why.
    var status: BackplaneStatus { get }
    /// Connects, listens and publishes until the graceful shutdown (reconnecting as needed), handing
    /// each message from another task to `deliver`, in order per sender.
    func run(deliver: @escaping @Sendable (ByteBuffer) -> Void) async throws
}

/// What `/health` reports about the backplane.
public enum BackplaneStatus: Sendable, Equatable {
    case connected
    /// Not (yet, or no longer) connected: cross-task messages are being lost.
    case degraded(reason: String)
}

/// One message on the wire, as the NOTIFY payload: `v1 <sender> <sequence> i <envelope>` carries
/// the message itself, `v1 <sender> <sequence> r <row id>` points at a row of the payload table
/// (messages too large for a notification). The sequence numbers a sender's messages from 1, so a
/// receiver sees both order and gaps.
public struct BackplaneEnvelope: Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        case inline(String)
        case row(Int64)
    }

    public var sender: String
    public var sequence: UInt64
    public var body: Body

    public init(sender: String, sequence: UInt64, body: Body) {
        self.sender = sender
        self.sequence = sequence
        self.body = body
    }

    /// PostgreSQL's limit on a notification payload is 8,000 bytes; the header takes at most 48.
    public static let inlineLimit = 7_900

    public var payload: String {
        switch body {
        case .inline(let text): "v1 \(sender) \(sequence) i \(text)"
        case .row(let id): "v1 \(sender) \(sequence) r \(id)"
        }
    }

    /// nil for anything that is not a payload this version writes (logged and skipped by the caller).
    public init?(payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "v1", !parts[1].isEmpty, let sequence = UInt64(parts[2]) else { return nil }
        switch parts[3] {
        case "i": body = .inline(String(parts[4]))
        case "r":
            guard let id = Int64(parts[4]) else { return nil }
            body = .row(id)
        default: return nil
        }
        self.sender = String(parts[1])
        self.sequence = sequence
    }
}

/// Per-sender sequence tracking on the receiving side: says how many messages of a sender were
/// missed (while the connection was down) and drops repeats. Pure value type.
public struct SequenceTracker: Sendable, Equatable {
    private var last: [String: UInt64] = [:]

    public init() {}

    public enum Verdict: Sendable, Equatable {
        case next
        /// Delivered, but this many messages of the sender before it were never seen.
        case afterGap(missed: UInt64)
        /// Already seen (or older): not delivered again.
        case repeated
    }

    public mutating func observe(sender: String, sequence: UInt64) -> Verdict {
        guard let previous = last[sender] else {
            last[sender] = sequence
            return .next
        }
        guard sequence > previous else { return .repeated }
        last[sender] = sequence
        return sequence == previous + 1 ? .next : .afterGap(missed: sequence - previous - 1)
    }
}
