import Foundation
import Testing

/// `--rules`, `nag rules`, `nag explain` and `nag test-rules` through the built binary.
@Suite struct CustomRulesCommandTests {
    static let nag = TestPaths.nagBinary
    static let rules = TestPaths.path("rules")
    static func fixture(_ name: String) -> String { TestPaths.path("Tests/Fixtures/custom/\(name)") }

    @Test func aBadPackFileStopsTheRunBeforeAnyTemplateIsEvaluated() throws {
        let result = try TestPaths.run(Self.nag, ["--rules", Self.fixture("bad-pack.yaml"), Self.fixture("x86-task.yaml")])
        #expect(result.status == 2)
        #expect(result.stderr == "\(Self.fixture("bad-pack.yaml")):10:7: error: unknown key `equal` in a condition (did you mean `equals`?)\n")
        #expect(result.stdout == "")
        for command in [["rules"], ["explain", "Broken-R1"], ["test-rules"]] {
            let other = try TestPaths.run(Self.nag, command + (command == ["test-rules"] ? [] : ["--rules"]) + [Self.fixture("bad-pack.yaml")])
            #expect(other.status == 2, "\(command)")
            #expect(other.stderr.contains("bad-pack.yaml:10:7: error: unknown key `equal`"), "\(command)")
        }
    }

    @Test func rulesAddsTheCustomPacksFindings() throws {
        let template = Self.fixture("x86-task.yaml")
        let plain = try TestPaths.run(Self.nag, ["--rule", "AwsSolutions-ECS", template])
        #expect(!plain.stdout.contains("Service-"))
        let result = try TestPaths.run(Self.nag, ["--rules", Self.rules, "--pack", "AwsSolutions", "--format", "json", template])
        #expect(result.status == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        let custom = findings.filter { ($0["rule"] as? String)?.hasPrefix("Service-") == true }
        #expect(custom.map { $0["rule"] as? String } == ["Service-ECS1"])
        let text = try TestPaths.run(Self.nag, ["--rules", Self.rules, "--rule", "Service-", template])
        #expect(text.stdout.hasPrefix("\(template):7:9: error Service-ECS1 Task: The Fargate task definition does not run on ARM64 (Graviton).\n    RuntimePlatform.CpuArchitecture is X86_64\n"))
        let skipped = try TestPaths.run(Self.nag, ["--rules", Self.rules, "--rule", "Service-", "--skip-rule", "Service-ECS1", template])
        #expect(skipped.status == 0)
    }

    @Test func aCustomRuleIsSuppressedLikeABuiltInOne() throws {
        let original = try String(contentsOfFile: Self.fixture("x86-task.yaml"), encoding: .utf8)
        let suppressed = original.replacingOccurrences(of: "    Type: AWS::ECS::TaskDefinition\n", with: """
            Type: AWS::ECS::TaskDefinition
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - id: Service-ECS1
                    reason: The x86-only monitoring agent has no ARM64 build yet.

        """)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-custom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("task.yaml").path
        try Data(suppressed.utf8).write(to: URL(fileURLWithPath: file))
        let result = try TestPaths.run(Self.nag, ["--rules", Self.rules, "--rule", "Service-", "--format", "csv", file])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\"Service-ECS1\",\"Task\",\"Suppressed\",\"The x86-only monitoring agent has no ARM64 build yet.\",\"Error\","))
        #expect(!result.stdout.contains("Nag-SUP"), "no suppression problem (unknown or unused rule id)")
    }

    @Test func rulesAndExplainIncludeCustomPacks() throws {
        let list = try TestPaths.run(Self.nag, ["rules", "--rules", Self.rules, "--pack", "Service"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Service-ECS1  error    The Fargate task definition does not run on ARM64 (Graviton).\n"))
        let explain = try TestPaths.run(Self.nag, ["explain", "service-ecs6", "--rules", Self.rules])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("Service-ECS6 (error)\nA container of the task definition runs as root.\n"))
        #expect(explain.stdout.contains("- id: Service-ECS6"))
    }

    @Test func testRulesPassesOnTheRepositoryPacks() throws {
        let result = try TestPaths.run(Self.nag, ["test-rules", Self.rules])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(": pass Service-ECS1 compliant example 1\n"))
        #expect(!result.stdout.contains("FAIL"))
        #expect(result.stdout.contains("0 failed\n"))
    }

    @Test func testRulesFailsOnAWrongExample() throws {
        let file = Self.fixture("wrong-example.yaml")
        let result = try TestPaths.run(Self.nag, ["test-rules", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):11:11: pass Wrong-R1 compliant example 1\n"))
        #expect(result.stdout.contains("\(file):19:11: FAIL Wrong-R1 nonCompliant example 1: expected a violation, got none\n"))
        #expect(result.stdout.hasSuffix("2 examples of 1 rules in 1 packs: 1 passed, 1 failed\n"))
    }

    @Test func theBundledStackPassesTheServicePack() throws {
        let result = try TestPaths.run(Self.nag, ["--rules", Self.rules, "--rule", "Service-", "--fail-on", "warning", TestPaths.stack])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("0 errors, 0 warnings"))
    }

    /// The worked example of docs/custom-rules.md is a pack that loads and passes its examples, with the output
    /// the document shows.
    @Test func theDocumentedExampleWorks() throws {
        let document = try String(contentsOfFile: TestPaths.path("docs/custom-rules.md"), encoding: .utf8)
        let section = try #require(document.range(of: "## A worked example"))
        let open = try #require(document.range(of: "```yaml\n", range: section.upperBound..<document.endIndex))
        let close = try #require(document.range(of: "```", range: open.upperBound..<document.endIndex))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("arm.yaml").path
        try Data(document[open.upperBound..<close.lowerBound].utf8).write(to: URL(fileURLWithPath: file))
        let result = try TestPaths.run(Self.nag, ["test-rules", file])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for line in result.stdout.split(separator: "\n") {
            let shown = line.replacingOccurrences(of: file, with: "policies/arm.yaml")
            #expect(document.contains(shown), "the document does not show: \(shown)")
        }
        let check = try TestPaths.run(Self.nag, ["--rules", file, "--rule", "Acme-", Self.fixture("x86-task.yaml")])
        #expect(check.status == 1)
        #expect(check.stdout.contains("error Acme-ARM1 Task: The Fargate task definition does not run on ARM64.\n    RuntimePlatform.CpuArchitecture is X86_64\n"))
    }
}
