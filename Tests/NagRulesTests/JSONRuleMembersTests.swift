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

    /// Writes `findings` as the JSON report's `findings` array, with the rule's members shared or not; says for
    /// each finding whether its rule, check and controls were copied.
    static func report(_ findings: [Finding], shared: Bool) -> (text: String, copied: [Bool]) {
        let table = shared ? JSONFormatter.RuleMembers.table(for: [rule], indent: JSONFormatter.findingMemberIndent) : [:]
        var copied: [Bool] = []
        var text = ""
        let envelope = JSONNode.object([("version", 1), ("findings", JSONNode.streamedItems)])
        envelope.write(streaming: findings, to: &text) { finding, writer, _ in
            var probe = writer
            probe.beginObject()
            copied.append(table[finding.ruleId]?.writeHead(of: finding, to: &probe) ?? false)
            writer.beginObject()
            JSONFormatter.write(members: finding, shared: table[finding.ruleId], to: &writer)
            writer.endObject()
        }
        return (text, copied)
    }

    @Test func sharedMembersWriteWhatEachFindingWouldWrite() {
        let findings = [
            Self.finding(),
            Self.finding(message: "could not be decided: a parameter", kind: .unknown),
            Self.finding(check: nil),
            Self.finding(controls: ["AC-2(4)"]),
            Self.finding(),
        ]
        let plain = Self.report(findings, shared: false)
        let shared = Self.report(findings, shared: true)
        #expect(shared.text == plain.text)
        #expect(shared.copied == [true, true, false, false, true])
        #expect(plain.copied == [false, false, false, false, false])
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
