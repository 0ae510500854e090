extension EffectiveSettings {
    /// The report with the configuration's suppressions applied to open findings: a covering entry suppresses
    /// (its place in the configuration file is the finding's suppression location), an entry past its `expires`
    /// date is recorded as the finding's ``Finding/expiredSuppression`` instead. An entry that stops within
    /// ``Suppression/expiryWarningDays`` gets a `Nag-SUP5` finding, at its place in the configuration, in the
    /// first template it applies to (when the run selected that rule); an entry whose templates were checked but
    /// that covered no finding gets a `Nag-SUP4` finding the same way.
    public func applySuppressions(to report: RunReport, today: CalendarDate) -> RunReport {
        guard !suppressions.isEmpty else { return report }
        var result = report
        var reported = Set<Int>()
        var used = Set<Int>()
        var firstTemplate: [Int: Int] = [:]
        let expiring = report.rules.first { $0.id == "Nag-SUP5" }
        let unused = report.rules.first { $0.id == "Nag-SUP4" }
        for fileIndex in result.files.indices {
            guard var evaluation = result.files[fileIndex].evaluation else { continue }
            for index in evaluation.findings.indices {
                var finding = evaluation.findings[index]
                if finding.isSuppressed {
                    // Already suppressed in the template: an entry that would cover it too is not unused.
                    used.formUnion(suppressions.indices.filter { suppressions[$0].covers(finding) })
                    continue
                }
                for (number, entry) in suppressions.enumerated() where entry.covers(finding) {
                    used.insert(number)
                    let applied = AppliedSuppression(reason: entry.reason, location: entry.origin, scope: .configuration,
                                                     isGranular: entry.appliesTo != nil, expires: entry.expires)
                    if let expires = entry.expires, expires < today {
                        if finding.expiredSuppression == nil { finding.expiredSuppression = applied }
                        continue
                    }
                    finding.suppression = applied
                    break
                }
                evaluation.findings[index] = finding
            }
            for (number, entry) in suppressions.enumerated() where firstTemplate[number] == nil && entry.templates.matches(result.files[fileIndex].file) {
                firstTemplate[number] = fileIndex
            }
            for (number, entry) in suppressions.enumerated() {
                guard let rule = expiring, let expires = entry.expires, !reported.contains(number),
                      entry.templates.matches(result.files[fileIndex].file) else { continue }
                let left = today.days(until: expires)
                guard left >= 0, left <= Suppression.expiryWarningDays else { continue }
                reported.insert(number)
                evaluation.findings.append(Finding(
                    ruleId: rule.id, level: rule.level, kind: .violation, message: rule.cause,
                    detail: "configuration suppression of \(entry.ruleId) expires on \(expires) (\(left) day\(left == 1 ? "" : "s") left)",
                    resource: ResourceSummary(logicalId: "Configuration", type: "nag::Configuration"), location: entry.origin))
            }
            result.files[fileIndex].evaluation = evaluation
        }
        if let rule = unused {
            for (number, entry) in suppressions.enumerated() where !used.contains(number) && report.rules.contains(where: { $0.id == entry.ruleId }) {
                guard let fileIndex = firstTemplate[number] else { continue }
                result.files[fileIndex].evaluation?.findings.append(Finding(
                    ruleId: rule.id, level: rule.level, kind: .violation, message: rule.cause,
                    detail: "configuration suppression of \(entry.ruleId) on \(entry.resources) in \(entry.templates) suppressed nothing",
                    resource: ResourceSummary(logicalId: "Configuration", type: "nag::Configuration"), location: entry.origin))
            }
        }
        return result
    }
}
