import Synchronization
import Testing
@testable import NagRules

/// A check that counts its evaluations and fails every resource.
final class CountingCheck: Check {
    let evaluations = Atomic<Int>(0)
    let about = CheckAbout(resourceTypes: ["Test::Thing"], cause: "Counted.", explanation: "For tests.", fix: "None.")

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        evaluations.add(1, ordering: .relaxed)
        return .violation(at: resource.position)
    }
}

@Suite struct EvaluatorTests {
    static let thing = """
    Resources:
      B:
        Type: Test::Thing
        Properties: {Unknown: 1}
      A:
        Type: Test::Thing
        Properties: {Bad: true, Warn: true, Findings: ['Action::*', 'Resource::*']}
      C:
        Type: Test::Thing
        Properties: {}
      Other:
        Type: AWS::SNS::Topic
    """

    // MARK: Unknowns

    @Test(arguments: [(RuleLevel?.some(.error), 2), (.some(.warning), 2), (nil, 0)])
    func unknownLevel(level: RuleLevel?, count: Int) throws {
        let findings = try TestRules.evaluate(Self.thing, options: EvaluationOptions(unknownLevel: level))
        let unknowns = findings.filter { $0.kind == .unknown }
        #expect(unknowns.count == count)
        #expect(unknowns.allSatisfy { $0.level == level })
        #expect(unknowns.allSatisfy { $0.resource.logicalId == "B" && $0.message.hasPrefix("could not be decided: Unknown is set") })
        // Violations keep their rule's level whatever the unknown level.
        #expect(findings.of("Test-P1").filter { $0.kind == .violation }.map(\.level) == [.error])
        #expect(findings.of("Test-W1").map(\.level) == [.warning])
    }

    @Test func unknownPointsAtTheUnresolvedValue() throws {
        let findings = try TestRules.evaluate(Self.thing)
        let unknown = try #require(findings.first { $0.kind == .unknown })
        #expect(unknown.location == FileLocation(file: "test.yaml", line: 4, column: 27))
    }

    // MARK: Findings and compliance

    @Test func granularFindingsAreOnePerId() throws {
        let findings = try TestRules.evaluate(Self.thing).of("Test-G1").filter { $0.kind == .violation }
        #expect(findings.compactMap(\.findingId) == ["Action::*", "Resource::*"])
        #expect(findings.map(\.qualifiedRuleId) == ["Test-G1[Action::*]", "Test-G1[Resource::*]"])
        #expect(findings.allSatisfy { $0.detail?.hasPrefix("finding ") == true })
    }

    @Test func compliantChecksAreListed() throws {
        let template = try TestRules.template(Self.thing)
        let evaluation = Evaluator(ruleSet: RuleSet(rules: TestRules.pack.rules)).evaluate(template)
        let compliant = evaluation.compliant.map { "\($0.ruleId) \($0.resource.logicalId)" }
        #expect(compliant == ["Test-W1 B", "Test-G1 C", "Test-P1 C", "Test-W1 C"])
    }

    @Test func findingsAreInReportOrder() throws {
        let findings = try TestRules.evaluate(Self.thing)
        #expect(findings == findings.sorted(by: Finding.reportOrder))
        // B (line 2) comes before A (line 5) although rules run per resource in template order.
        #expect(findings.first?.resource.logicalId == "B")
    }

    @Test func cdkPathIsCarried() throws {
        let findings = try TestRules.evaluate("""
        Resources:
          A:
            Type: Test::Thing
            Metadata: {"aws:cdk:path": "App/Stack/A/Resource"}
            Properties: {Bad: true}
        """)
        #expect(findings.of("Test-P1").first?.resource.cdkPath == "App/Stack/A/Resource")
    }

    // MARK: Levels

    @Test func levelOverridesChangeTheReportedLevel() throws {
        let selection = RuleSelection(packNames: ["Test"], levelOverrides: ["Test-P1": .warning, "Test-W1": .error])
        let findings = try TestRules.evaluate(Self.thing, selection: selection)
        #expect(findings.of("Test-P1").filter { $0.kind == .violation }.map(\.level) == [.warning])
        #expect(findings.of("Test-W1").map(\.level) == [.error])
        // Unknowns still take the --unknown level.
        #expect(findings.of("Test-P1").filter { $0.kind == .unknown }.map(\.level) == [.warning])
    }

    // MARK: Rule selection

    @Test func defaultSelectionIsTheDefaultPacksPlusSuppressionChecks() throws {
        let ruleSet = try RuleSelection().ruleSet(from: BuiltInPacks.all)
        let ids = ruleSet.rules.map(\.description.id)
        #expect(ids.contains("AwsSolutions-S1"))
        #expect(Array(ids.suffix(5)) == ["Nag-SUP1", "Nag-SUP2", "Nag-SUP3", "Nag-SUP4", "Nag-SUP5"])
        #expect(BuiltInPacks.defaultNames.contains("AwsSolutions"))
        #expect(!BuiltInPacks.defaultNames.contains("Nag"))
    }

    @Test func packsAreChosenByNameCaseInsensitively() throws {
        let ruleSet = try RuleSelection(packNames: ["test", "TEST"]).ruleSet(from: TestRules.packs)
        #expect(ruleSet.rules.map(\.description.id) == ["Test-G1", "Test-P1", "Test-W1", "Nag-SUP1", "Nag-SUP2", "Nag-SUP3", "Nag-SUP4", "Nag-SUP5"])
    }

    @Test func unknownPackIsAnError() throws {
        #expect(throws: RuleSelection.SelectionError.unknownPack("HIPAA", available: ["Test", "AwsSolutions", "Nag", "all"])) {
            try RuleSelection(packNames: ["HIPAA"]).ruleSet(from: TestRules.packs)
        }
        let error = RuleSelection.SelectionError.unknownPack("HIPAA", available: ["A", "B"])
        #expect(error.description == "unknown pack HIPAA (available: A, B)")
    }

    @Test func onlyKeepsPrefixesAndTheSuppressionChecks() throws {
        let ruleSet = try RuleSelection(packNames: ["Test"], only: ["Test-P", "Test-W1"]).ruleSet(from: TestRules.packs)
        #expect(ruleSet.rules.map(\.description.id) == ["Test-P1", "Test-W1", "Nag-SUP1", "Nag-SUP2", "Nag-SUP3", "Nag-SUP4", "Nag-SUP5"])
    }

    @Test func skipDropsPrefixesIncludingSuppressionChecks() throws {
        let ruleSet = try RuleSelection(packNames: ["Test"], skip: ["Test-G", "Nag-SUP"]).ruleSet(from: TestRules.packs)
        #expect(ruleSet.rules.map(\.description.id) == ["Test-P1", "Test-W1"])
    }

    @Test func realPrefixSelectsTheS3Rules() throws {
        let ruleSet = try RuleSelection(only: ["AwsSolutions-S1", "AwsSolutions-S2"]).ruleSet(from: BuiltInPacks.all)
        let ids = Set(ruleSet.rules.map(\.description.id))
        #expect(ids.isSuperset(of: ["AwsSolutions-S1", "AwsSolutions-S10", "AwsSolutions-S2"]))
        #expect(!ids.contains("AwsSolutions-S5"))
    }

    @Test(arguments: [["Nope"], ["AwsSolutions-ZZZ"]])
    func filterThatMatchesNoRuleIsAnError(filter: [String]) throws {
        #expect(throws: RuleSelection.SelectionError.noRuleMatches(filter[0])) {
            try RuleSelection(only: filter).ruleSet(from: BuiltInPacks.all)
        }
        #expect(throws: RuleSelection.SelectionError.noRuleMatches(filter[0])) {
            try RuleSelection(skip: filter).ruleSet(from: BuiltInPacks.all)
        }
    }

    @Test func ruleSetIndexesByResourceType() {
        let ruleSet = RuleSet(rules: TestRules.pack.rules + RulePack.nag.rules)
        #expect(ruleSet.rules(for: "Test::Thing").map(\.description.id) == ["Test-G1", "Test-P1", "Test-W1"])
        // The suppression audit is not evaluated per resource: the suppression stage reports it.
        #expect(ruleSet.rules(for: "AWS::SNS::Topic").isEmpty)
        #expect(ruleSet.auditRules.map(\.description.id) == ["Nag-SUP1", "Nag-SUP2", "Nag-SUP3", "Nag-SUP4", "Nag-SUP5"])
    }

    // MARK: One check, many packs

    /// Two packs publishing the same checks under their own ids and levels, as cdk-nag's packs do.
    static let otherPack = RulePack("Other", summary: "The test checks under other ids.", [
        .warning(PlainTestCheck()),
        .error(WarningTestCheck(), controls: "AC-1", "SC-8(1)"),
    ])

    @Test func aCheckPublishedByTwoPacksIsEvaluatedOnceAndReportedPerRule() throws {
        let counter = CountingCheck()
        let first = RulePack("First", summary: "", [.error("C1", counter)])
        let second = RulePack("Second", summary: "", [.warning(counter, controls: "164.312(b)")])
        let ruleSet = RuleSet(rules: first.rules + second.rules)
        #expect(ruleSet.checkCount == 1)
        let evaluation = Evaluator(ruleSet: ruleSet).evaluate(try TestRules.template(Self.thing))
        #expect(counter.evaluations.load(ordering: .relaxed) == 3)  // three Test::Thing resources, once each
        let byRule = Dictionary(grouping: evaluation.findings, by: \.ruleId).mapValues { $0.map(\.level) }
        #expect(byRule == ["First-C1": [.error, .error, .error], "Second-CountingCheck": [.warning, .warning, .warning]])
    }

    /// Dispatch with every built-in pack selected: a resource meets exactly the checks that read its type, each
    /// once, though the packs publish most checks several times over.
    @Test func everyPackTogetherDispatchesEachCheckOncePerResourceOfItsTypes() throws {
        let ruleSet = try RuleSelection(packNames: ["all"]).ruleSet(from: BuiltInPacks.all)
        let checks = ruleSet.rules.compactMap(\.check)
        #expect(ruleSet.checkCount < checks.count)
        let types = Set(checks.flatMap(\.about.resourceTypes)).union(["Test::ReadByNoCheck"])
        for type in types {
            let names = ruleSet.checks(for: type).map(\.check.name)
            let readers = Set(checks.filter { $0.about.resourceTypes.isEmpty || $0.about.resourceTypes.contains(type) }.map(\.name))
            #expect(names.count == Set(names).count, "a check dispatched twice for \(type)")
            #expect(Set(names) == readers, "dispatch for \(type)")
        }
    }

    @Test func compliantPairsAreListedOnlyWhenAsked() throws {
        let ruleSet = RuleSet(rules: TestRules.pack.rules)
        let template = try TestRules.template(Self.thing)
        let listing = Evaluator(ruleSet: ruleSet).evaluate(template)
        var options = EvaluationOptions()
        options.recordsCompliantChecks = false
        let lean = Evaluator(ruleSet: ruleSet, options: options).evaluate(template)
        #expect(!listing.compliant.isEmpty)
        #expect(lean.compliant.isEmpty)
        #expect(lean.findings == listing.findings)
    }

    @Test func eachRuleKeepsItsPacksIdLevelAndControls() throws {
        let ruleSet = try RuleSelection(packNames: ["Test", "Other"]).ruleSet(from: TestRules.packs + [Self.otherPack])
        #expect(ruleSet.checkCount == 3)
        let findings = Evaluator(ruleSet: ruleSet).evaluate(try TestRules.template(Self.thing)).findings
        #expect(findings.of("Test-P1").filter { $0.kind == .violation }.map(\.level) == [.error])
        #expect(findings.of("Other-PlainTestCheck").filter { $0.kind == .violation }.map(\.level) == [.warning])
        #expect(findings.of("Test-W1").map(\.level) == [.warning])
        #expect(findings.of("Other-WarningTestCheck").map(\.level) == [.error])
        #expect(Self.otherPack.rules.map(\.controls) == [[], ["AC-1", "SC-8(1)"]])
        #expect(Self.otherPack.rules.map(\.description.check) == ["PlainTestCheck", "WarningTestCheck"])
    }

    @Test func ruleIdsParseAtTheFirstDash() {
        #expect(RuleID(parsing: "HIPAA.Security-S3BucketSSLRequestsOnly") == RuleID(pack: "HIPAA.Security", suffix: "S3BucketSSLRequestsOnly"))
        #expect(RuleID(parsing: "AwsSolutions-IAM5")?.description == "AwsSolutions-IAM5")
        #expect(RuleID(parsing: "Edge-ORIGIN1")?.suffix == "ORIGIN1")
        #expect(RuleID(parsing: "NoDash") == nil)
        #expect(RuleID(parsing: "-S1") == nil)
        #expect(RuleID(parsing: "Pack-") == nil)
    }

    // MARK: Outcome (the exit status)

    static func report(_ findings: [Finding], diagnostics: [LoadDiagnostic] = [], inputProblems: [LoadDiagnostic] = []) throws -> RunReport {
        let template = try TestRules.template("Resources: {}")
        let evaluation = TemplateEvaluation(template: template, findings: findings, compliant: [])
        return RunReport(files: [.init(file: "test.yaml", evaluation: evaluation, diagnostics: diagnostics)],
                         rules: [], inputProblems: inputProblems)
    }

    static func finding(_ level: RuleLevel, suppressed: Bool = false) -> Finding {
        let location = FileLocation(file: "test.yaml", line: 1, column: 1)
        return Finding(ruleId: "Test-P1", level: level, kind: .violation, message: "m",
                       resource: ResourceSummary(logicalId: "A", type: "Test::Thing"), location: location,
                       suppression: suppressed ? AppliedSuppression(reason: "r", location: location, scope: .resource) : nil)
    }

    @Test func outcome() throws {
        let none = try Self.report([])
        #expect(none.outcome(failOn: .error) == .clean)
        #expect(none.outcome(failOn: .warning) == .clean)

        let warning = try Self.report([Self.finding(.warning)])
        #expect(warning.outcome(failOn: .error) == .clean)
        #expect(warning.outcome(failOn: .warning) == .findings)
        #expect(warning.outcome(failOn: nil) == .clean)

        let error = try Self.report([Self.finding(.error)])
        #expect(error.outcome(failOn: .error) == .findings)
        #expect(error.outcome(failOn: .warning) == .findings)
        #expect(error.outcome(failOn: nil) == .clean)

        let suppressed = try Self.report([Self.finding(.error, suppressed: true), Self.finding(.warning, suppressed: true)])
        #expect(suppressed.outcome(failOn: .warning) == .clean)
        #expect(suppressed.summary.suppressed == 2)
        #expect(suppressed.summary.errors == 0)
    }

    @Test func invalidInputWinsOverFindingsButWarningsDoNot() throws {
        let location = FileLocation(file: "bad.yaml", line: 3, column: 1)
        let broken = try Self.report([Self.finding(.error)], inputProblems: [LoadDiagnostic("no such file or directory", at: location)])
        #expect(broken.outcome(failOn: .error) == .invalidInput)
        #expect(broken.outcome(failOn: nil) == .invalidInput)
        let shapeError = try Self.report([], diagnostics: [LoadDiagnostic("bad shape", at: location)])
        #expect(shapeError.outcome(failOn: nil) == .invalidInput)
        let shapeWarning = try Self.report([], diagnostics: [LoadDiagnostic("odd shape", at: location, severity: .warning)])
        #expect(shapeWarning.outcome(failOn: .warning) == .clean)
        #expect(broken.summary.filesFailed == 1)
    }

    @Test func summaryCountsUnknownsInTheirLevelToo() throws {
        var unknown = Self.finding(.warning)
        unknown.kind = .unknown
        let report = try Self.report([unknown, Self.finding(.error), Self.finding(.warning)])
        #expect(report.summary.unknown == 1)
        #expect(report.summary.warnings == 2)
        #expect(report.summary.errors == 1)
    }

    // MARK: Linter

    @Test func linterKeepsSourceOrderAndReportsLoadFailures() throws {
        let linter = Linter(availablePacks: TestRules.packs, selection: RuleSelection(packNames: ["Test"]))
        let report = try linter.run([
            TemplateSource(name: "b.yaml", bytes: Array(Self.thing.utf8)),
            TemplateSource(name: "a.yaml", bytes: Array("Resources: [".utf8)),
            TemplateSource(name: "c.yaml", bytes: Array("Resources: {X: {Type: Test::Thing, Properties: {Bad: true}}}".utf8)),
        ])
        #expect(report.files.map(\.file) == ["b.yaml", "a.yaml", "c.yaml"])
        #expect(report.files.map(\.loaded) == [true, false, true])
        #expect(report.findings.map(\.location.file).last == "c.yaml")
        #expect(report.outcome(failOn: .error) == .invalidInput)
        #expect(report.rules.map(\.id).prefix(3) == ["Test-G1", "Test-P1", "Test-W1"])
    }

    @Test func linterRejectsAnUnknownPack() {
        let linter = Linter(selection: RuleSelection(packNames: ["Nope"]))
        #expect(throws: RuleSelection.SelectionError.self) { try linter.run([]) }
    }
}

/// A check whose outcome is certain violations beside an undecided part.
struct PartlyUndecidedCheck: Check {
    let about = CheckAbout(resourceTypes: ["Test::Thing"], cause: "Partly decided.", explanation: "For tests.", fix: "None.")

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        .partlyUndecided([Violation(position: resource.position, findingId: "Action::*")],
                         Unresolved("one statement is undecided", at: resource.position))
    }
}

@Suite struct PartlyUndecidedTests {
    @Test func bothTheViolationsAndTheUnknownAreReported() throws {
        let template = try TestRules.template("Resources:\n  A:\n    Type: Test::Thing\n")
        let findings = ExampleRunner.findings(of: PartlyUndecidedCheck(), in: template)
        #expect(findings.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.unknown, .violation])
        #expect(findings.first { $0.kind == .violation }?.findingId == "Action::*")
        #expect(findings.first { $0.kind == .unknown }?.message == "could not be decided: one statement is undecided")
        let runner = ExampleRunner(markersRequired: true)
        #expect(runner.failure(of: .nonCompliant("Resources:\n  ↓A:\n    Type: Test::Thing\n"), for: PartlyUndecidedCheck())?
            .hasPrefix("expected violations, got unknowns") == true)
        #expect(runner.failure(of: .nonCompliant("Resources:\n  ↓A:\n    Type: Test::Thing\n", partlyUndecided: true),
                               for: PartlyUndecidedCheck()) == nil)
    }
}
