import Foundation
import Testing
@testable import NagRules

/// Mistakes in pack files are reported with their exact line and column, all of them at once.
@Suite struct CustomPackErrorTests {
    typealias S = CustomRuleTestSupport

    /// A one-rule pack whose `assert` is `condition` (written at 6 spaces, from line 8).
    static func pack(assert condition: String) -> String {
        """
        pack: T
        rules:
          - id: T-R1
            resourceTypes: [AWS::ECS::TaskDefinition]
            cause: c
            explanation: e
            fix: f
            assert:
        \(condition)
        """
    }

    @Test func unknownOperatorSuggestsTheClosestOne() {
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      equal: 1")) == [
            "10:7: unknown key `equal` in a condition (did you mean `equals`?)",
        ])
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      frobnicate: 1")).first?.hasPrefix("10:7: unknown key `frobnicate` in a condition (expected `path`") == true)
    }

    @Test func badRegexAtItsValue() {
        let errors = S.errors(Self.pack(assert: "      path: Family\n      matches: \"svc-[a-z\""))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("10:16: `matches`: the regular expression `svc-[a-z` does not compile") == true)
    }

    @Test func badPathAtTheOffendingCharacter() {
        #expect(S.errors(Self.pack(assert: "      path: A..B\n      exists: true")) == ["9:15: bad path `A..B`: a key is empty"])
        #expect(S.errors(Self.pack(assert: "      path: \"A[x]\"\n      exists: true")) == [
            "9:15: bad path `A[x]`: `[x]` is not `[*]`, an index like `[0]` or a filter like `[Key=Value]`",
        ])
        #expect(S.errors(Self.pack(assert: "      path: \"A[*\"\n      exists: true")) == ["9:15: bad path `A[*`: `[` is not closed with `]`"])
        #expect(S.errors(Self.pack(assert: "      path: 7\n      exists: true")) == ["9:13: a path is a string such as ContainerDefinitions[*].Image; found a number"])
    }

    @Test func quantifierAndNestedAssertNeedAFanOutPath() {
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      quantifier: any\n      exists: true")) == [
            "10:7: `quantifier` needs a path that reads list items (`[*]` or `[Key=Value]`)",
        ])
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      assert: {exists: true}")) == [
            "10:7: `assert` nested under a path needs a path that reads list items (`[*]` or `[Key=Value]`)",
        ])
        #expect(S.errors(Self.pack(assert: "      path: \"A[*]\"\n      quantifier: some\n      exists: true")) == ["10:19: `quantifier` is all, any or none"])
    }

    @Test func badArguments() {
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      atMost: lots")) == ["10:15: `atMost` takes a number"])
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      exists: maybe")) == ["10:15: `exists` takes true or false"])
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      oneOf: []")) == ["10:14: `oneOf` takes a non-empty list of values"])
        #expect(S.errors(Self.pack(assert: "      path: Cpu\n      equals: !Ref X")) == ["10:15: `equals` takes a literal; Ref is not evaluated in a pack file"])
        #expect(S.errors(Self.pack(assert: "      path: Cpu")) == [
            "9:7: a condition needs an operator (exists, absent, equals, notEquals, oneOf, matches, contains, greaterThan, lessThan, atLeast, atMost), `assert`, or one of all, any, not, referenced, referencedBy",
        ])
    }

    @Test func combinatorsStandAlone() {
        #expect(S.errors(Self.pack(assert: "      all: []")) == ["9:12: `all` takes a non-empty list of conditions"])
        #expect(S.errors(Self.pack(assert: "      not: {path: Cpu, exists: true}\n      path: Memory")) == [
            "9:7: `not` cannot share a map with `path`; nest them in `all` instead",
        ])
        #expect(S.errors(Self.pack(assert: "      referenced: {type: AWS::Logs, quantifier: every}")) == [
            "9:26: a resource type looks like AWS::Service::Resource; found `AWS::Logs`",
            "9:49: `quantifier` is all, any or none",
        ])
        #expect(S.errors(Self.pack(assert: "      referencedBy: {type: AWS::S3::BucketPolicy, via: \"Bucket[\", filter: x}")) == [
            "9:67: unknown key `filter` in `referencedBy` (expected `type`, `via`, `quantifier`, `assert`)",
            "9:63: bad path `Bucket[`: `[` is not closed with `]`",
        ])
    }

    @Test func ruleFieldsAreChecked() {
        let text = """
        pack: T
        rules:
          - id: X-1
            level: fatal
            resourceTypes: [ECS]
            cause: ""
            explanation: e
            fix: f
            unresolved: maybe
            asert: {path: Cpu, exists: true}
        """
        #expect(S.errors(text) == [
            "10:5: unknown key `asert` in a rule (did you mean `assert`?)",
            "3:9: rule id `X-1` must be T-Suffix (the pack name, a dash, then letters and digits)",
            "4:12: `level` is error or warning",
            "9:17: `unresolved` is unknown, pass or fail",
            "6:12: `cause` is a non-empty text",
            "5:21: a resource type looks like AWS::Service::Resource; found `ECS`",
            "3:5: the rule has no `assert`: the condition a compliant resource meets",
        ])
    }

    @Test func packFieldsAreChecked() {
        #expect(S.errors("rules: []") == ["1:1: the pack has no name: add `pack: Name` (rule ids then start with `Name-`)"])
        #expect(S.errors("pack: AwsSolutions\nrules: []") == [
            "1:7: `AwsSolutions` is the name of the built-in pack AwsSolutions; choose another",
            "2:8: the pack needs `rules`: a non-empty list of rules",
        ])
        #expect(S.errors("pack: my-pack\nrule: []").prefix(2) == [
            "2:1: unknown key `rule` in a pack (did you mean `rules`?)",
            "1:7: a pack name is a letter followed by letters and digits, e.g. `Service`",
        ])
        #expect(S.errors("pack: T\nrules:\n  - id: T-1\n  bad") == ["5:1: YAML syntax error: could not find expected ':' (while scanning a simple key at line 4, column 3)"])
    }

    @Test func duplicateIdsInOneFile() throws {
        let rule = "  - id: T-R1\n    resourceTypes: [AWS::S3::Bucket]\n    cause: c\n    explanation: e\n    fix: f\n    assert: {path: A, exists: true}\n"
        let text = "pack: T\nrules:\n" + rule + rule
        #expect(S.errors(text) == ["9:9: duplicate rule id T-R1 (first defined at t.yaml:3:9)"])
    }

    @Test func duplicatesAcrossFilesAndAgainstBuiltInRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rule = "  - id: T-R1\n    resourceTypes: [AWS::S3::Bucket]\n    cause: c\n    explanation: e\n    fix: f\n    assert: {path: A, exists: true}\n"
        try Data(("pack: T\nrules:\n" + rule).utf8).write(to: folder.appendingPathComponent("a.yaml"))
        try Data(("pack: T\nrules:\n" + rule).utf8).write(to: folder.appendingPathComponent("b.yml"))
        try Data("not a pack".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let a = folder.appendingPathComponent("a.yaml").path
        let b = folder.appendingPathComponent("b.yml").path
        do {
            _ = try CustomPackLoader().load(paths: [folder.path])
            Issue.record("two packs named T loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(b):1:7: error: pack T is also defined at \(a):1:7; a pack lives in one file",
                "\(b):3:9: error: duplicate rule id T-R1 (first defined at \(a):3:9)",
            ])
        }
        // A rule id a built-in rule already has.
        let first = try CustomPackLoader().load(paths: [a])
        do {
            _ = try CustomPackLoader(builtIn: first).load(paths: [a])
            Issue.record("a rule id of a built-in rule loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(a):3:9: error: rule id T-R1 is already used by a built-in rule"])
        }
        do {
            _ = try CustomPackLoader().load(paths: [folder.appendingPathComponent("missing").path])
            Issue.record("a missing path loaded")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["no such rule pack file or folder"])
        }
    }

    @Test func aGoodPackLoadsEveryField() throws {
        let packs = try CustomPackLoader().load(paths: [Self.repoRules])
        let service = try #require(packs.first { $0.name == "Service" })
        #expect(service.rules.count >= 8)
        for rule in service.rules {
            #expect(rule.description.examples.contains { $0.expectation == .compliant }, "\(rule.description.id)")
            #expect(rule.description.examples.contains { $0.expectation == .nonCompliant }, "\(rule.description.id)")
            #expect(!rule.description.explanation.isEmpty && !rule.description.fix.isEmpty)
        }
    }

    static let repoRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules").path

    @Test(arguments: ["fargate-service.yaml", "production.yaml"])
    func everyExampleOfTheRepositoryPacksPasses(file: String) throws {
        let packs = try CustomPackLoader().load(paths: [Self.repoRules + "/" + file])
        for pack in packs {
            for case let rule as CustomRule in pack.rules.compactMap(\.check) {
                for result in ExampleRunner().run(rule, location: rule.location) {
                    #expect(result.passed, "\(result)")
                }
            }
        }
    }
}
