/// The output formats of `nag`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, csv
}

/// Turns a run report into the text of one format.
public protocol ReportFormatter: Sendable {
    func format(_ report: RunReport) -> String
}
