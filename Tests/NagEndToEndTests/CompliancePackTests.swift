import Foundation
import Testing

/// The compliance and Serverless packs through the binary: ids, levels and controls as cdk-nag publishes
/// them, one check reported under each selected pack's id, and `--pack all`.
@Suite struct CompliancePackTests {
    /// A bucket without versioning, logging or TLS-only policy: one problem that several packs publish.
    static let bucket = """
    Resources:
      Data:
        Type: AWS::S3::Bucket
    """

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["HIPAA.Security", "NIST.800.53.R4", "NIST.800.53.R5", "PCI.DSS.321", "Serverless"])
    func rulesListEachPackAsCdkNagPublishesIt(pack: String) throws {
        let result = try NagBinary.run(["rules", "--pack", pack, "--format", "json"])
        #expect(result.status == 0)
        let rules = try #require(try Self.json(result.stdout)["rules"] as? [[String: Any]])
        let listed = rules.map { "\($0["id"] as? String ?? "?")\t\($0["level"] as? String ?? "?")" }.sorted()
        let fixture = try String(contentsOfFile: TestPaths.path("Tests/Fixtures/packs/\(pack).tsv"), encoding: .utf8)
        #expect(listed == fixture.split(separator: "\n").map(String.init).sorted())
        // Every compliance rule names its check, and carries the pack's controls (Serverless has none).
        #expect(rules.allSatisfy { ($0["check"] as? String).map { "\(pack)-\($0)" } == $0["id"] as? String })
        let withControls = rules.filter { !(($0["controls"] as? [String]) ?? []).isEmpty }.count
        #expect(pack == "Serverless" ? withControls == 0 : withControls == rules.count)
    }

    @Test func oneCheckIsReportedUnderEachSelectedPack() throws {
        let scratch = try Scratch()
        let file = try scratch.write("bucket.yaml", Self.bucket)
        let result = try NagBinary.run(["--pack", "AwsSolutions", "--pack", "HIPAA.Security", "--pack", "NIST.800.53.R5",
                                        "--rule", "AwsSolutions-S10", "--rule", "HIPAA.Security-S3BucketSSLRequestsOnly",
                                        "--rule", "NIST.800.53.R5-S3BucketSSLRequestsOnly", "--format", "json", file])
        #expect(result.status == 1)
        let findings = try #require(try Self.json(result.stdout)["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }.sorted()
        #expect(rules == ["AwsSolutions-S10", "HIPAA.Security-S3BucketSSLRequestsOnly", "NIST.800.53.R5-S3BucketSSLRequestsOnly"])
        #expect(Set(findings.compactMap { $0["check"] as? String }) == ["S3BucketSSLRequestsOnly"])
        let hipaa = try #require(findings.first { $0["rule"] as? String == "HIPAA.Security-S3BucketSSLRequestsOnly" })
        #expect((hipaa["controls"] as? [String])?.contains("164.312(e)(1)") == true)
        let aws = try #require(findings.first { $0["rule"] as? String == "AwsSolutions-S10" })
        #expect(aws["controls"] as? [String] == [])
    }

    @Test func explainShowsTheCheckTheOtherIdsAndTheControls() throws {
        let result = try NagBinary.run(["explain", "PCI.DSS.321-S3BucketSSLRequestsOnly"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("PCI.DSS.321-S3BucketSSLRequestsOnly (error)\n"))
        #expect(result.stdout.contains("Check: S3BucketSSLRequestsOnly\n"))
        #expect(result.stdout.contains("Also published as: AwsSolutions-S10, HIPAA.Security-S3BucketSSLRequestsOnly"))
        #expect(result.stdout.contains("Controls: "))
    }

    @Test func sarifRulesCarryTheirControls() throws {
        let scratch = try Scratch()
        let file = try scratch.write("bucket.yaml", Self.bucket)
        let result = try NagBinary.run(["--pack", "NIST.800.53.R4", "--format", "sarif", file])
        let runs = try #require(try Self.json(result.stdout)["runs"] as? [[String: Any]])
        let driver = try #require(((runs.first?["tool"] as? [String: Any])?["driver"]) as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let versioning = try #require(rules.first { $0["id"] as? String == "NIST.800.53.R4-S3BucketVersioningEnabled" })
        let properties = try #require(versioning["properties"] as? [String: Any])
        #expect(properties["check"] as? String == "S3BucketVersioningEnabled")
        #expect(((properties["controls"] as? [String]) ?? []).isEmpty == false)
    }

    @Test func packAllRunsEveryBuiltInPack() throws {
        let scratch = try Scratch()
        let file = try scratch.write("bucket.yaml", Self.bucket)
        let result = try NagBinary.run(["--pack", "all", "--format", "json", file])
        #expect(result.status == 1)
        let findings = try #require(try Self.json(result.stdout)["findings"] as? [[String: Any]])
        let packs = Set(findings.compactMap { ($0["rule"] as? String)?.split(separator: "-").first.map(String.init) })
        #expect(packs.isSuperset(of: ["AwsSolutions", "HIPAA.Security", "NIST.800.53.R4", "NIST.800.53.R5", "PCI.DSS.321"]))
        #expect(try NagBinary.run(["--pack", "HIPAA", file]).stderr.contains("available:"))
    }
}
