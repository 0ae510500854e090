import Synchronization

/// The parameters one evaluation read, in the order it first read them: variable ones (a choice of the
/// deployer's) and assumed ones (decided by their `Default`).
public struct ParameterReadSet: Sendable, Equatable {
    public private(set) var variable: [String] = []
    public private(set) var assumed: [String] = []

    public init() {}

    public var isEmpty: Bool { variable.isEmpty && assumed.isEmpty }

    mutating func addVariable(_ name: String) { if !variable.contains(name) { variable.append(name) } }
    mutating func addAssumed(_ name: String) { if !assumed.contains(name) { assumed.append(name) } }

    mutating func formUnion(_ other: ParameterReadSet) {
        other.variable.forEach { addVariable($0) }
        other.assumed.forEach { addAssumed($0) }
    }
}

/// Where a resolver notes the parameters it reads, so the evaluator knows which choices an outcome depends
/// on. Shared by the copies of one resolver; one evaluation at a time uses it.
final class ParameterReadLog: Sendable {
    private let reads = Mutex(ParameterReadSet())

    func noteVariable(_ name: String) { reads.withLock { $0.addVariable(name) } }
    func noteAssumed(_ name: String) { reads.withLock { $0.addAssumed(name) } }
    func note(_ set: ParameterReadSet) {
        guard !set.isEmpty else { return }
        reads.withLock { $0.formUnion(set) }
    }

    /// Empties the log and returns what it held.
    func take() -> ParameterReadSet { reads.withLock { let held = $0; $0 = ParameterReadSet(); return held } }

    /// Runs `body` and returns what it read on its own; the log then holds what it held before, plus that.
    func reading<T>(_ body: () -> T) -> (T, ParameterReadSet) {
        let before = take()
        let result = body()
        let own = take()
        reads.withLock { $0 = before; $0.formUnion(own) }
        return (result, own)
    }
}
