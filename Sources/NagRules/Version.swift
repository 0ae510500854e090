/// The version of nag, printed by `nag --version` and written into reports.
public enum NagVersion {
    /// The release number, without build information.
    public static let number = "0.1.0"

    /// The version as printed and reported: the release number, and, when the build knows it, the commit as
    /// Semantic Versioning build metadata, so it stays a valid `semanticVersion` in SARIF: `0.1.0+3fb81e9`
    /// from `scripts/build-release`, plain `0.1.0` from `swift build`, which does not know the commit.
    public static let current = commit == unknownCommit ? number : "\(number)+\(commit)"

    /// What ``commit`` holds when the build was not told the commit.
    public static let unknownCommit = "unknown"
}
