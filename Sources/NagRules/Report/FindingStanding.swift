/// Why a finding does or does not fail the run, as every report states it per finding.
public enum FindingStanding: String, Sendable, Equatable {
    /// Unsuppressed, not in the baseline, at or above the fail level: it fails the run.
    case failing
    /// A `cdk_nag` suppression (or a configuration suppression) covers it.
    case suppressed
    /// The baseline (`--baseline`) accepted it.
    case baselined
    /// Its level is below `--fail-on` (or `--fail-on none`).
    case belowFailLevel = "below-fail-level"
}

extension RunReport {
    /// Where `finding` stands against this run's fail level: suppression first, then the baseline, then the level.
    public func standing(of finding: Finding) -> FindingStanding {
        if finding.isSuppressed { return .suppressed }
        if finding.baselined { return .baselined }
        guard let failOn, finding.level >= failOn else { return .belowFailLevel }
        return .failing
    }

    /// One sentence for a finding that does not fail the run (nil when it does): where and why it was
    /// suppressed and until when, that the baseline holds it, or the fail level it is below.
    public func notFailingReason(of finding: Finding) -> String? {
        switch standing(of: finding) {
        case .failing: return nil
        case .suppressed:
            guard let suppression = finding.suppression else { return nil }
            let until = suppression.expires.map { " until \($0)" } ?? ""
            return "suppressed at \(suppression.location)\(until): \(suppression.reason)"
        case .baselined: return "accepted by the baseline"
        case .belowFailLevel:
            return failOn.map { "\(finding.level.rawValue) is below the fail level (\($0.rawValue))" } ?? "the run fails on no level (--fail-on none)"
        }
    }
}
