@testable import NagRules
import Testing

/// Members rendered once and copied into findings give exactly the text writing them gives, and are used only
/// where the finding has them as its rule has them.
struct JSONRuleMembersTests {
    static let rule = RuleDescription(id: "NIST.800.53.R5-S3BucketLoggingEnabled", level: .error, resourceTypes: ["AWS::S3::Bucket"],
                                      cause: "The bucket does not log \"server access\".", explanation: "", fix: "",
                                      check: "S3BucketLoggingEnabled", controls: ["AC-2(4)", "AU-2(a)(d)", "SI-4(20)"])

    static func finding(message: String = rule.cause, kind: Finding.Kind = .violation, check: String? = rule.check,
                        controls: [String] = rule.controls) -> Finding {
        Finding(ruleId: rule.id, level: .error, kind: kind, message: message, findingId: "Id::1",
                resource: ResourceSummary(logicalId: "Bucket", type: "AWS::S3::Bucket"),
                location: FileLocation(file: "a.yaml", line: 3, column: 5), check: check, controls: controls)
    }

    /// Writes `findings` as the JSON report's `findings` array, with the shared members or without; says for
    /// each finding whether its rule, check and controls were copied.
    static func report(_ findings: [Finding], shared: Bool) -> (text: String, copied: [Bool]) {
        let table = shared ? JSONFormatter.SharedMembers(rules: [rule], indent: JSONFormatter.findingMemberIndent) : nil
        let report = RunReport(files: [], rules: [rule])
        var copied: [Bool] = []
        var text = ""
        let envelope = JSONNode.object([("version", 1), ("findings", JSONNode.streamedItems)])
        envelope.write(streaming: findings, to: &text) { finding, writer, _ in
            var probe = writer
            probe.beginObject()
            copied.append(table?.rule(finding.ruleId)?.writeHead(of: finding, to: &probe) ?? false)
            JSONFormatter.write(finding, in: report, shared: table, to: &writer)
        }
        return (text, copied)
    }

    @Test func sharedMembersWriteWhatEachFindingWouldWrite() {
        var suppressed = Self.finding()
        suppressed.suppression = AppliedSuppression(reason: "accepted", location: FileLocation(file: "a.yaml", line: 9, column: 3),
                                                    scope: .resource)
        var expired = Self.finding()
        expired.expiredSuppression = suppressed.suppression
        var baselined = Self.finding()
        baselined.baselined = true
        var withDetail = Self.finding()
        withDetail.detail = "more"
        var inScenario = Self.finding()
        inScenario.scenario = Scenario(choices: [Scenario.Choice("Encrypt", "false")])
        var warning = Self.finding()
        warning.level = .warning
        let findings = [
            Self.finding(),
            Self.finding(message: "could not be decided: a parameter", kind: .unknown),
            Self.finding(check: nil),
            Self.finding(controls: ["AC-2(4)"]),
            suppressed, expired, baselined, withDetail, inScenario, warning,
            Self.finding(),
        ]
        let plain = Self.report(findings, shared: false)
        let shared = Self.report(findings, shared: true)
        #expect(shared.text == plain.text)
        #expect(shared.copied == [true, true, false, false, true, true, true, true, true, true, true])
        #expect(plain.copied.allSatisfy { !$0 })
        #expect(plain.text.contains("\"standing\": \"suppressed\""))
        #expect(plain.text.contains("\"standing\": \"below-fail-level\""))
        #expect(plain.text.contains("\"baselined\": true"))
        #expect(plain.text.contains("\"detail\": \"more\""))
    }

    /// Rule ids that share their first bytes, their length or their hash's slot are told apart.
    @Test func rulesAreFoundByTheirWholeId() {
        let ids = (0..<300).map { "NIST.800.53.R5-Rule\($0)" } + ["", "a", "NIST.800.53.R5-Rule1 "]
        let rules = ids.map { RuleDescription(id: $0, level: .error, resourceTypes: [], cause: "c \($0)", explanation: "", fix: "") }
        let table = JSONFormatter.SharedMembers(rules: rules + rules.prefix(3), indent: 3)
        for id in ids { #expect(table.rule(id)?.rule.id == id) }
        #expect(table.rule("NIST.800.53.R5-Rule300") == nil)
        #expect(table.rule("nist.800.53.R5-Rule1") == nil)
    }

    @Test func renderedMembersAreCopiedOnlyWhereTheyWereRenderedFor() {
        let members = JSONWriter.render(membersAt: 2) { writer in
            writer.member("a", int: 1)
            writer.member("list", strings: ["x", "y"])
        }
        var direct = JSONWriter(level: 1)
        var copied = JSONWriter(level: 1)
        direct.beginObject()
        copied.beginObject()
        direct.member("a", int: 1)
        direct.member("list", strings: ["x", "y"])
        direct.member("b", bool: false)
        let appended = copied.append(members)
        #expect(appended)
        copied.member("b", bool: false)
        direct.endObject()
        copied.endObject()
        #expect(copied.text == direct.text)

        var deeper = JSONWriter(level: 2)
        deeper.beginObject()
        let appendedDeeper = deeper.append(members)
        #expect(!appendedDeeper)
        deeper.key("k")
        var afterKey = JSONWriter(level: 1)
        afterKey.beginObject()
        afterKey.key("k")
        let appendedAfterKey = afterKey.append(members)
        #expect(!appendedAfterKey)
        #expect(afterKey.text == "{\n    \"k\": ")
    }
}
