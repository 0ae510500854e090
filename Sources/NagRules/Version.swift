/// The version of nag, printed by `nag --version` and written into reports.
public enum NagVersion {
    public static let current = "0.1.0"
}
