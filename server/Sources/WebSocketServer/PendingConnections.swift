#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import Synchronization

/// Connections that have been accepted but have not yet sent their first complete request head.
///
/// Each costs a file descriptor while the server waits for it, so their number is bounded: when
/// one more arrives at the limit, the oldest is told to go (`Evict`, answered 503 by its
/// `UpgradeGate`). A flood of half-open connections then holds at most `limit` descriptors,
/// and a new client (a health check, say) is still accepted and served at once.
final class PendingConnections: Sendable {
    /// Sent through a connection's pipeline to tell its `UpgradeGate` that it is being evicted.
    struct Evict: Sendable {}

    private struct State {
        var queue = PendingQueue()
        var channels: [UInt64: any Channel] = [:]
        var nextID: UInt64 = 1
        var evicted = 0
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Connections waiting for their first request head right now.
    var count: Int { state.withLock { $0.queue.count } }
    /// Connections evicted so far because the limit was reached.
    var evictedCount: Int { state.withLock { $0.evicted } }

    /// Records `channel` as waiting for its first request head; returns its ticket for `remove`.
    /// At the limit, the oldest waiting connection is evicted to make room.
    func add(_ channel: any Channel) -> UInt64 {
        let (id, evicted) = state.withLock { state -> (UInt64, (any Channel)?) in
            let id = state.nextID
            state.nextID += 1
            var evicted: (any Channel)?
            if state.queue.count >= limit, let oldest = state.queue.popOldest() {
                evicted = state.channels.removeValue(forKey: oldest)
                state.evicted += 1
            }
            state.queue.append(id)
            state.channels[id] = channel
            return (id, evicted)
        }
        evicted?.pipeline.fireUserInboundEventTriggered(Evict())
        return id
    }

    /// Forgets the connection with ticket `id` (its head arrived, or it has closed).
    func remove(_ id: UInt64) {
        state.withLock { state in
            if state.queue.remove(id) {
                state.channels[id] = nil
            }
        }
    }

    /// The limit used when `MAX_PENDING_CONNECTIONS` is not set: a quarter of the descriptor limit,
    /// at least 16 and at most 4,096, so that waiting connections can never take every descriptor.
    static func defaultLimit(descriptorLimit: Int) -> Int {
        min(4096, max(16, descriptorLimit / 4))
    }

    /// The process's soft limit on open file descriptors (`RLIMIT_NOFILE`), nil if unknown or unlimited.
    static func descriptorLimit() -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
        let result = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let result = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        // RLIM_INFINITY is the largest rlim_t, so the bound below also excludes "unlimited".
        guard result == 0, limit.rlim_cur < rlim_t(Int.max) else { return nil }
        return Int(limit.rlim_cur)
    }
}

/// Tickets in arrival order, with removal from anywhere: the bookkeeping of `PendingConnections`.
/// Removal is lazy (the ticket is skipped when it reaches the front), and the order is compacted
/// when most of it is stale, so every operation is O(1) amortised.
struct PendingQueue: Sendable {
    private var order: [UInt64] = []
    private var front = 0
    private var members: Set<UInt64> = []

    var count: Int { members.count }
    /// Entries held, stale ones included (bounded by about twice `count`, at least 64 more).
    var storedCount: Int { order.count }

    func contains(_ id: UInt64) -> Bool { members.contains(id) }

    mutating func append(_ id: UInt64) {
        members.insert(id)
        order.append(id)
    }

    /// Removes `id`; false if it was not waiting.
    @discardableResult
    mutating func remove(_ id: UInt64) -> Bool {
        guard members.remove(id) != nil else { return false }
        compactIfMostlyStale()
        return true
    }

    /// Removes and returns the ticket that has waited longest.
    mutating func popOldest() -> UInt64? {
        while front < order.count {
            let id = order[front]
            front += 1
            if members.remove(id) != nil {
                compactIfMostlyStale()
                return id
            }
        }
        return nil
    }

    /// Rebuilds `order` once stale entries (taken or removed) outnumber the waiting ones.
    private mutating func compactIfMostlyStale() {
        let stale = order.count - members.count
        guard stale > 64, stale > members.count else { return }
        order = order[front...].filter { members.contains($0) }
        front = 0
    }
}
