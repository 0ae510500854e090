/// Where one resolution stands: how deep it is, which conditions it is deciding, and the work it has left.
/// Made for one synchronous resolution and never shared between threads.
struct Trail {
    var depth = 0
    var conditions: [String] = []
    let work = WorkBudget(Resolver.workLimit)

    var deeper: Trail {
        var next = self
        next.depth += 1
        return next
    }

    func deeper(into condition: String) -> Trail {
        var next = deeper
        next.conditions.append(condition)
        return next
    }
}

/// The steps one resolution may still take, and whether a limit cut it short.
final class WorkBudget {
    private var remaining: Int
    private(set) var wasCutShort = false

    init(_ steps: Int) { remaining = steps }

    /// Takes one step; false (and cut short) when none is left.
    func spend() -> Bool {
        guard remaining > 0 else { wasCutShort = true; return false }
        remaining -= 1
        return true
    }

    /// Records that a limit (depth or work) decided part of the answer.
    func cutShort() { wasCutShort = true }
}
