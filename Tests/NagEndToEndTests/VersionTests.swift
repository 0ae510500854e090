import NagRules
import Testing

/// `nag --version`: the release number, and the commit when the build knows it (scripts/build-release writes
/// it into Sources/NagRules/VersionCommit.swift in its own copy of the package).
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct VersionTests {
    @Test func versionIsTheReleaseNumberAndTheCommitAsBuildMetadata() throws {
        let result = try NagBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == NagVersion.current + "\n")
        // Semantic Versioning 2.0 with optional build metadata, as SARIF's semanticVersion requires.
        let match = try #require(NagVersion.current.wholeMatch(of: /(\d+)\.(\d+)\.(\d+)(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?/))
        #expect(String(NagVersion.current.prefix(NagVersion.number.count)) == NagVersion.number)
        if NagVersion.commit == NagVersion.unknownCommit {
            #expect(match.output.4 == nil, "a build that does not know its commit names none")
        } else {
            #expect(match.output.4.map(String.init) == NagVersion.commit)
        }
    }
}
