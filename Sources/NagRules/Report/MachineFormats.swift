/// The formatter for each machine format.
public enum MachineFormats {
    public static func formatter(for format: ReportFormat) -> any ReportFormatter {
        switch format {
        case .text: TextFormatter()
        case .json: JSONFormatter()
        case .sarif, .junit, .csv: JSONFormatter()
        }
    }
}
