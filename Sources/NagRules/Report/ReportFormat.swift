/// The output formats of `nag`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, csv
}

/// Turns a run report into the text of one format.
///
/// Formatters write piece by piece (a finding, a line at a time), so a report of a million findings goes to
/// its file without ever being held whole in memory; ``format(_:)`` collects the pieces into a string.
public protocol ReportFormatter: Sendable {
    func write(_ report: RunReport, to output: inout some TextOutputStream)
}

extension ReportFormatter {
    /// The whole report as one string.
    public func format(_ report: RunReport) -> String {
        var text = ""
        write(report, to: &text)
        return text
    }
}
