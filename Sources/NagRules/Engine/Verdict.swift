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

// MARK: - Built-in checks

extension Verdict {
    /// Holds, with nothing to point at: a part of a built-in check that passes.
    static let holds = Verdict.holds([])
    /// Fails, with nothing to point at: a part that does not pass, where the check decides what to report.
    static let fails = Verdict.fails([])

    /// Holds when `truth` is true, else fails, with nothing to point at.
    static func from(_ truth: Bool) -> Verdict { truth ? .holds : .fails }

    /// Fails at `position`; the finding reads `detail`, or the rule's cause when it is nil.
    static func fails(at position: Position, _ detail: String? = nil) -> Verdict {
        .fails([Witness(position: position, detail: detail ?? "")])
    }

    /// Holds when every item holds. The first failing item decides and the items after it are not judged
    /// (a built-in check reports one finding); with none failing, undecided at the first undecided item.
    ///
    /// Unlike ``all(_:empty:)``, which gathers the places of every failing part.
    static func every<Items: Sequence>(_ items: Items, _ judge: (Items.Element) -> Verdict) -> Verdict {
        var undecided: Verdict?
        for item in items {
            let verdict = judge(item)
            switch verdict.truth {
            case .fails: return verdict
            case .undecided: undecided = undecided ?? verdict
            case .holds: continue
            }
        }
        return undecided ?? .holds
    }

    /// Holds at the first item that holds, and the items after it are not judged; with none holding,
    /// undecided at the first undecided item; otherwise `otherwise`.
    static func some<Items: Sequence>(_ items: Items, otherwise: Verdict,
                                      _ judge: (Items.Element) -> Verdict) -> Verdict {
        var undecided: Verdict?
        for item in items {
            let verdict = judge(item)
            switch verdict.truth {
            case .holds: return verdict
            case .undecided: undecided = undecided ?? verdict
            case .fails: continue
            }
        }
        return undecided ?? otherwise
    }

    /// What a built-in check reports: compliant when the verdict holds, unknown when it is undecided, and a
    /// violation at each witness when it fails (a witness without detail reads as the rule's cause).
    var outcome: RuleOutcome {
        switch truth {
        case .holds:
            return .compliant
        case .fails:
            return .nonCompliant(witnesses.map {
                Violation(position: $0.position, detail: $0.detail.isEmpty ? nil : $0.detail)
            })
        case .undecided:
            // ``undecided(_:)`` records why; a verdict assembled by hand reads as its first witness.
            let witness = witnesses.first ?? Witness(position: Position(line: 1, column: 1), detail: "")
            return .unknown(unresolved ?? Unresolved(witness.detail, at: witness.position))
        }
    }
}
