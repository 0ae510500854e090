// scripts/build-release writes this file, with the commit it builds, into its own copy of the package;
// in the repository it stays "unknown", so `swift build` needs no generated source.
extension NagVersion {
    /// The commit nag was built from (abbreviated hash, `-dirty` when the tree had uncommitted changes), or
    /// ``unknownCommit``.
    public static let commit = "unknown"
}
