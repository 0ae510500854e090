/// A place a verdict rests on, and what was found there.
struct Witness: Sendable, Hashable {
    var position: Position
    var detail: String
}

/// The outcome of a condition: holds, fails, or cannot be decided; with the places that decided it (where
/// a finding points, also when a `not` turns a holding condition into a failing one).
struct Verdict: Sendable {
    enum Truth: Sendable, Equatable { case holds, fails, undecided }

    var truth: Truth
    var witnesses: [Witness]
    /// Why the verdict is undecided.
    var unresolved: Unresolved?

    static func holds(_ witnesses: [Witness]) -> Verdict { Verdict(truth: .holds, witnesses: witnesses) }
    static func fails(_ witnesses: [Witness]) -> Verdict { Verdict(truth: .fails, witnesses: witnesses) }
    static func undecided(_ why: Unresolved) -> Verdict {
        Verdict(truth: .undecided, witnesses: [Witness(position: why.position, detail: why.reason)], unresolved: why)
    }

    static func from(_ truth: Bool, _ witness: Witness) -> Verdict {
        truth ? .holds([witness]) : .fails([witness])
    }

    var negated: Verdict {
        switch truth {
        case .holds: .fails(witnesses)
        case .fails: .holds(witnesses)
        case .undecided: self
        }
    }

    /// Every part holds: fails at every failing part, else undecided at the first undecided part, else holds.
    /// With no parts it holds at `empty`.
    static func all(_ parts: [Verdict], empty: Witness) -> Verdict {
        let failing = parts.filter { $0.truth == .fails }
        if !failing.isEmpty { return .fails(unique(failing.flatMap(\.witnesses))) }
        if let undecided = parts.first(where: { $0.truth == .undecided }) { return undecided }
        return .holds(parts.isEmpty ? [empty] : unique(parts.flatMap(\.witnesses)))
    }

    /// At least one part holds: holds at every holding part, else undecided at the first undecided part,
    /// else fails at `failure` (or, when nil, where the first part failed).
    static func any(_ parts: [Verdict], failure: Witness?) -> Verdict {
        let holding = parts.filter { $0.truth == .holds }
        if !holding.isEmpty { return .holds(unique(holding.flatMap(\.witnesses))) }
        if let undecided = parts.first(where: { $0.truth == .undecided }) { return undecided }
        if let failure { return .fails([failure]) }
        return .fails(parts.first?.witnesses ?? [])
    }

    static func quantified(_ quantifier: Quantifier, _ parts: [Verdict], anchor: Witness) -> Verdict {
        switch quantifier {
        case .all: all(parts, empty: anchor)
        case .any: any(parts, failure: anchor)
        case .none: any(parts, failure: anchor).negated
        }
    }

    private static func unique(_ witnesses: [Witness]) -> [Witness] {
        var seen = Set<Position>()
        return witnesses.filter { seen.insert($0.position).inserted }
    }
}
