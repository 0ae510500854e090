import Foundation
import Testing

/// `expires: YYYY-MM-DD` on a cdk_nag suppression: it suppresses through that day, then the finding is open
/// again and says which suppression lapsed; within 30 days of the date, Nag-SUP5 warns.
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct SuppressionExpiryTests {
    static let template = """
    Resources:
      Data:
        Type: AWS::S3::Bucket
        Metadata:
          cdk_nag:
            rules_to_suppress:
              - id: AwsSolutions-S1
                reason: Access logs are collected by the central account.
                expires: 2026-12-15
              - id: AwsSolutions-S10
                reason: Only reached through VPC endpoints until the migration.
                expires: "2027-06-30"
    """

    func run(_ now: String, _ extra: [String] = []) throws -> NagBinary.Result {
        let scratch = try Scratch()
        try scratch.write("t.yaml", Self.template)
        return try NagBinary.run(["--now", now, "--show-suppressed"] + extra + ["t.yaml"], in: scratch.root)
    }

    @Test func farFromItsDateASuppressionSuppressesQuietly() throws {
        let result = try run("2026-06-01")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("suppressed at t.yaml:7:13 until 2026-12-15: Access logs are collected by the central account."))
        #expect(!result.stdout.contains("Nag-SUP5"))
    }

    @Test func withinThirtyDaysNagSUP5Warns() throws {
        let result = try run("2026-12-01")
        #expect(result.status == 0, "a warning does not fail the default run: \(result.stdout)")
        #expect(result.stdout.contains("t.yaml:7:13: warning Nag-SUP5 Data: A cdk_nag suppression expires within 30 days."))
        #expect(result.stdout.contains("suppression of AwsSolutions-S1 on Data expires on 2026-12-15 (14 days left)"))
        // The last day still suppresses.
        let lastDay = try run("2026-12-15")
        #expect(lastDay.stdout.contains("(today is its last day)"))
        #expect(!lastDay.stdout.contains("error AwsSolutions-S1"))
        // Its level can be changed like any rule's.
        #expect(try run("2026-12-01", ["--level", "Nag-SUP5=error"]).status == 1)
    }

    @Test func afterItsDateTheFindingIsOpenAndSaysWhy() throws {
        let result = try run("2026-12-16")
        #expect(result.status == 1)
        #expect(result.stdout.contains("t.yaml:2:3: error AwsSolutions-S1 Data: The S3 bucket does not record server access logs.\n"
            + "    the suppression at t.yaml:7:13 expired on 2026-12-15 and no longer applies: Access logs are collected by the central account."))
        let json = try run("2026-12-16", ["--format", "json"])
        let findings = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let s1 = try #require(findings.first { $0["rule"] as? String == "AwsSolutions-S1" })
        #expect(s1["standing"] as? String == "failing")
        #expect((s1["expiredSuppression"] as? [String: Any])?["expires"] as? String == "2026-12-15")
        let s10 = try #require(findings.first { $0["rule"] as? String == "AwsSolutions-S10" })
        #expect(s10["standing"] as? String == "suppressed")
        #expect(s10["notFailingBecause"] as? String == "suppressed at t.yaml:10:13 until 2027-06-30: Only reached through VPC endpoints until the migration.")
    }

    @Test func aMalformedDateIsALocatedError() throws {
        let scratch = try Scratch()
        try scratch.write("t.yaml", Self.template.replacingOccurrences(of: "expires: 2026-12-15", with: "expires: 2026-02-30"))
        let result = try NagBinary.run(["--now", "2026-01-01", "t.yaml"], in: scratch.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("t.yaml:9:22: error Nag-SUP2 Data: A cdk_nag suppression is malformed"), "\(result.stdout)")
        #expect(result.stdout.contains("expires must be a date written YYYY-MM-DD, got 2026-02-30"))
        let badNow = try NagBinary.run(["--now", "2026-1-1", "t.yaml"], in: scratch.root)
        #expect(badNow.status == 2)
        #expect(badNow.stderr.contains("--now takes a date written YYYY-MM-DD, got 2026-1-1"))
    }
}
