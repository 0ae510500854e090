import Testing
@testable import NagRules

// MARK: - Test-only rules

/// A granular rule: one finding per string in the resource's `Findings` list (the id is the string);
/// `Unknown: anything` makes it undecided.
struct GranularTestCheck: Check {
    let about = CheckAbout(
        resourceTypes: ["Test::Thing"],
        cause: "A granular test rule fired.", explanation: "For tests.", fix: "Remove Findings.")

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if let unknown = resource.properties["Unknown"] { return .unknown("Unknown is set", at: unknown.position) }
        guard let items = resource.properties["Findings"]?.listValue else { return .compliant }
        return .from(items.map { Violation(position: $0.position, findingId: $0.stringValue, detail: "finding \($0.stringValue ?? "?")") })
    }
}

/// A plain error rule: fires when `Bad: true`; `Unknown: anything` makes it undecided.
struct PlainTestCheck: Check {
    let about = CheckAbout(
        resourceTypes: ["Test::Thing"],
        cause: "A plain test rule fired.", explanation: "For tests.", fix: "Set Bad to false.")

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if let unknown = resource.properties["Unknown"] { return .unknown("Unknown is set", at: unknown.position) }
        if let bad = resource.properties["Bad"], bad.boolValue == true { return .violation(at: bad.position) }
        return .compliant
    }
}

/// A warning-level rule: fires when `Warn: true`.
struct WarningTestCheck: Check {
    let about = CheckAbout(
        resourceTypes: ["Test::Thing"],
        cause: "A warning test rule fired.", explanation: "For tests.", fix: "Set Warn to false.")

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if let warn = resource.properties["Warn"], warn.boolValue == true { return .violation(at: warn.position) }
        return .compliant
    }
}

enum TestRules {
    static let pack = RulePack("Test", summary: "Test-only rules.", [
        .error("G1", GranularTestCheck()),
        .error("P1", PlainTestCheck()),
        .warning("W1", WarningTestCheck()),
    ])
    static let packs: [RulePack] = [pack, .awsSolutions, .nag]

    static func template(_ yaml: String, file: String = "test.yaml") throws -> Template {
        try TemplateLoader().load(bytes: Array(yaml.utf8), file: file)
    }

    /// Evaluates `yaml` with the test rules and the Nag suppression checks.
    static func evaluate(_ yaml: String, options: EvaluationOptions = EvaluationOptions(),
                         selection: RuleSelection = RuleSelection(packNames: ["Test"]),
                         packs: [RulePack] = TestRules.packs) throws -> [Finding] {
        let ruleSet = try selection.ruleSet(from: packs)
        let known = Set(packs.flatMap(\.rules).map(\.id.description))
        let evaluation = Evaluator(ruleSet: ruleSet, options: options).evaluate(try template(yaml))
        if options.ignoreSuppressions { return evaluation.findings }
        return Suppressor(ruleSet: ruleSet, knownRuleIds: known).apply(to: evaluation).findings
    }
}

extension [Finding] {
    func of(_ ruleId: String) -> [Finding] { filter { $0.ruleId == ruleId } }
    var open: [Finding] { filter { !$0.isSuppressed } }
    var suppressed: [Finding] { filter(\.isSuppressed) }
    var problems: [Finding] { filter { $0.ruleId.hasPrefix("Nag-") } }
}

// MARK: - The suppression matrix

@Suite struct SuppressionTests {
    /// A resource `Thing` with `properties` and the given `rules_to_suppress` entries (YAML flow items).
    static func thing(_ properties: String, resourceSuppressions: [String] = [], templateSuppressions: [String] = [],
                      others: String = "") -> String {
        var text = ""
        if !templateSuppressions.isEmpty {
            text += "Metadata:\n  cdk_nag:\n    rules_to_suppress:\n"
            text += templateSuppressions.map { "      - \($0)\n" }.joined()
        }
        text += "Resources:\n  Thing:\n    Type: Test::Thing\n"
        if !resourceSuppressions.isEmpty {
            text += "    Metadata:\n      cdk_nag:\n        rules_to_suppress:\n"
            text += resourceSuppressions.map { "          - \($0)\n" }.joined()
        }
        text += "    Properties: \(properties)\n"
        text += others
        return text
    }

    static let reason = "reason: 'Accepted by the security review, ticket 42.'"

    @Test func idAndReasonOnTheResourceSuppressesAndKeepsTheFinding() throws {
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}", resourceSuppressions: ["{id: Test-P1, \(Self.reason)}"]))
        let finding = try #require(findings.of("Test-P1").first)
        let suppression = try #require(finding.suppression)
        #expect(suppression.reason == "Accepted by the security review, ticket 42.")
        #expect(suppression.scope == .resource)
        #expect(suppression.location.file == "test.yaml")
        #expect(suppression.location.line == 7)
        #expect(suppression.isGranular == false)
        #expect(findings.problems.isEmpty, "\(findings.problems.map(\.detail))")
    }

    @Test func templateLevelSuppressionCoversEveryResource() throws {
        let yaml = Self.thing("{Bad: true}", templateSuppressions: ["{id: Test-P1, \(Self.reason)}"],
                              others: "  Other:\n    Type: Test::Thing\n    Properties: {Bad: true}\n")
        let findings = try TestRules.evaluate(yaml)
        #expect(findings.of("Test-P1").count == 2)
        #expect(findings.of("Test-P1").allSatisfy { $0.suppression?.scope == .template })
        #expect(findings.problems.isEmpty)
    }

    @Test func resourceSuppressionDoesNotCoverOtherResources() throws {
        let yaml = Self.thing("{Bad: true}", resourceSuppressions: ["{id: Test-P1, \(Self.reason)}"],
                              others: "  Other:\n    Type: Test::Thing\n    Properties: {Bad: true}\n")
        let findings = try TestRules.evaluate(yaml).of("Test-P1")
        #expect(findings.suppressed.map(\.resource.logicalId) == ["Thing"])
        #expect(findings.open.map(\.resource.logicalId) == ["Other"])
    }

    @Test(arguments: [
        // (applies_to item, scope, finding ids expected suppressed)
        ("'Action::s3:*'", "resource", ["Action::s3:*"]),
        ("{regex: '/^Action::s3:.*$/'}", "resource", ["Action::s3:*", "Action::s3:GetObject"]),
        ("{regex: '/^action::S3:GET.*$/i'}", "resource", ["Action::s3:GetObject"]),
        ("{regex: '/^action::S3:GET.*$/'}", "resource", [String]()),
        ("'Resource::*'", "template", ["Resource::*"]),
        ("{regex: '/^Resource::/'}", "template", ["Resource::*"]),
    ])
    func appliesToCoversOnlyTheNamedGranularFindings(item: String, scope: String, expected: [String]) throws {
        let entry = "{id: Test-G1, \(Self.reason), applies_to: [\(item)]}"
        let properties = "{Findings: ['Action::s3:*', 'Action::s3:GetObject', 'Resource::*']}"
        let yaml = scope == "resource" ? Self.thing(properties, resourceSuppressions: [entry])
            : Self.thing(properties, templateSuppressions: [entry])
        let findings = try TestRules.evaluate(yaml)
        let granular = findings.of("Test-G1")
        #expect(granular.count == 3)
        #expect(granular.suppressed.compactMap(\.findingId).sorted() == expected.sorted())
        #expect(granular.suppressed.allSatisfy { $0.suppression?.isGranular == true })
        #expect(granular.suppressed.allSatisfy { $0.suppression?.scope.rawValue == scope })
        // A suppression that matched nothing is reported as unused, and only then.
        #expect(findings.of("Nag-SUP4").count == (expected.isEmpty ? 1 : 0))
    }

    @Test func granularRuleWithoutAppliesToSuppressesEveryFinding() throws {
        let findings = try TestRules.evaluate(Self.thing("{Findings: ['Action::*', 'Resource::*']}",
                                                         resourceSuppressions: ["{id: Test-G1, \(Self.reason)}"]))
        #expect(findings.of("Test-G1").count == 2)
        #expect(findings.of("Test-G1").open.isEmpty)
        #expect(findings.problems.isEmpty)
    }

    @Test func appliesToDoesNotCoverANonGranularFinding() throws {
        // As cdk-nag's doesApply: with applies_to, a finding without a finding id is not covered.
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}",
                                                         resourceSuppressions: ["{id: Test-P1, \(Self.reason), applies_to: ['Action::*']}"]))
        #expect(findings.of("Test-P1").open.count == 1)
        #expect(findings.of("Nag-SUP4").count == 1)
    }

    @Test func encodedReasonIsDecoded() throws {
        // "Accepted after review ✓" in base64 (cdk-nag encodes reasons with characters above U+00FF).
        let encoded = "QWNjZXB0ZWQgYWZ0ZXIgcmV2aWV3IOKckw=="
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}",
                                                         resourceSuppressions: ["{id: Test-P1, reason: '\(encoded)', is_reason_encoded: true}"]))
        #expect(findings.of("Test-P1").first?.suppression?.reason == "Accepted after review ✓")
        #expect(findings.problems.isEmpty)
    }

    @Test func encodedReasonThatIsNotBase64IsMalformed() throws {
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}",
                                                         resourceSuppressions: ["{id: Test-P1, reason: 'not base64 at all!', is_reason_encoded: true}"]))
        #expect(findings.of("Test-P1").open.count == 1)
        #expect(findings.of("Nag-SUP2").count == 1)
    }

    @Test(arguments: ["resource", "template"])
    func v3WrittenGranularIdSuppressesThatFinding(scope: String) throws {
        let entry = "{id: 'Test-G1[Action::s3:*]', \(Self.reason)}"
        let properties = "{Findings: ['Action::s3:*', 'Resource::*']}"
        let yaml = scope == "resource" ? Self.thing(properties, resourceSuppressions: [entry])
            : Self.thing(properties, templateSuppressions: [entry])
        let findings = try TestRules.evaluate(yaml)
        #expect(findings.of("Test-G1").suppressed.compactMap(\.findingId) == ["Action::s3:*"])
        #expect(findings.of("Test-G1").open.compactMap(\.findingId) == ["Resource::*"])
        #expect(findings.problems.isEmpty)
    }

    @Test func packQualifierIsIgnored() throws {
        let findings = try TestRules.evaluate(Self.thing("{Bad: true, Findings: ['Action::*']}", resourceSuppressions: [
            "{id: 'annotation::Test-P1', \(Self.reason)}",
            "{id: 'Test::Test-G1[Action::*]', \(Self.reason)}",
        ]))
        #expect(findings.of("Test-P1").suppressed.count == 1)
        #expect(findings.of("Test-G1").suppressed.count == 1)
        #expect(findings.problems.isEmpty)
    }

    @Test func unknownsAreSuppressedByTheirRuleWithoutAppliesTo() throws {
        let findings = try TestRules.evaluate(Self.thing("{Unknown: 1}", resourceSuppressions: ["{id: Test-P1, \(Self.reason)}"]))
        let unknown = try #require(findings.of("Test-P1").first)
        #expect(unknown.kind == .unknown)
        #expect(unknown.isSuppressed)
        // Test-G1's unknown is not covered by Test-P1's entry.
        #expect(findings.of("Test-G1").open.map(\.kind) == [.unknown])
    }

    @Test(arguments: ["resource", "template"])
    func validationFailureSuppressesUnknownsOfTheNamedRules(scope: String) throws {
        let entry = "{id: CdkNagValidationFailure, \(Self.reason), applies_to: [Test-P1]}"
        let yaml = scope == "resource" ? Self.thing("{Unknown: 1, Bad: true}", resourceSuppressions: [entry])
            : Self.thing("{Unknown: 1}", templateSuppressions: [entry])
        let findings = try TestRules.evaluate(yaml)
        #expect(findings.of("Test-P1").map(\.kind) == [.unknown])
        #expect(findings.of("Test-P1").allSatisfy { $0.isSuppressed })
        #expect(findings.of("Test-G1").open.map(\.kind) == [.unknown], "only the named rule's unknowns")
        #expect(findings.problems.isEmpty, "\(findings.problems.map(\.detail))")
    }

    @Test func validationFailureDoesNotSuppressViolations() throws {
        let entry = "{id: CdkNagValidationFailure, \(Self.reason), applies_to: [Test-P1]}"
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}", resourceSuppressions: [entry]))
        #expect(findings.of("Test-P1").open.count == 1)
        #expect(findings.of("Nag-SUP4").count == 1)
    }

    @Test func validationFailureWithARegexSuppressesMatchingRules() throws {
        let entry = "{id: CdkNagValidationFailure, \(Self.reason), applies_to: [{regex: '/^Test-/'}]}"
        let findings = try TestRules.evaluate(Self.thing("{Unknown: 1}", resourceSuppressions: [entry]))
        #expect(findings.filter { $0.kind == .unknown }.count == 2)
        #expect(findings.filter { $0.kind == .unknown }.allSatisfy { $0.isSuppressed })
    }

    // MARK: Problems with suppressions

    @Test func shortReasonIsReportedAndDoesNotSilenceAnError() throws {
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}", resourceSuppressions: ["{id: Test-P1, reason: short}"]))
        #expect(findings.of("Test-P1").open.count == 1, "an error is never silenced by a short reason")
        let problem = try #require(findings.of("Nag-SUP1").first)
        #expect(problem.level == .error)
        #expect(problem.resource.logicalId == "Thing")
        #expect(problem.location.line == 7)
        #expect(findings.of("Nag-SUP4").isEmpty, "it matched a finding: refused, not stale")
    }

    @Test func missingReasonIsReportedAndDoesNotSilenceAnError() throws {
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}", resourceSuppressions: ["{id: Test-P1}"]))
        #expect(findings.of("Test-P1").open.count == 1)
        #expect(findings.of("Nag-SUP1").first?.detail?.contains("has no reason") == true)
    }

    @Test func shortReasonStillSilencesAWarning() throws {
        let findings = try TestRules.evaluate(Self.thing("{Warn: true}", resourceSuppressions: ["{id: Test-W1, reason: short}"]))
        #expect(findings.of("Test-W1").suppressed.count == 1)
        #expect(findings.of("Test-W1").first?.suppression?.reason == "short")
        #expect(findings.of("Nag-SUP1").count == 1)
    }

    @Test(arguments: ["{regex: '/[unclosed/'}", "{regex: '/ok/q'}", "{pattern: x}", "42"])
    func malformedAppliesToIsReported(item: String) throws {
        let findings = try TestRules.evaluate(Self.thing("{Findings: ['Action::*']}",
                                                         resourceSuppressions: ["{id: Test-G1, \(Self.reason), applies_to: [\(item)]}"]))
        let problem = try #require(findings.of("Nag-SUP2").first)
        #expect(problem.level == .error)
        #expect(problem.location.line == 7)
        #expect(findings.of("Test-G1").open.count == 1, "a malformed suppression suppresses nothing")
    }

    @Test func entryWithoutIdIsMalformed() throws {
        let findings = try TestRules.evaluate(Self.thing("{Bad: true}", resourceSuppressions: ["{\(Self.reason)}"]))
        #expect(findings.of("Nag-SUP2").count == 1)
    }

    @Test(arguments: ["resource", "template"])
    func unknownRuleIdIsReported(scope: String) throws {
        let entry = "{id: AwsSolutions-S999, \(Self.reason)}"
        let yaml = scope == "resource" ? Self.thing("{}", resourceSuppressions: [entry])
            : Self.thing("{}", templateSuppressions: [entry])
        let findings = try TestRules.evaluate(yaml)
        let problem = try #require(findings.of("Nag-SUP3").first)
        #expect(problem.level == .warning)
        #expect(problem.detail?.contains("AwsSolutions-S999") == true)
        #expect(problem.resource.logicalId == (scope == "resource" ? "Thing" : "Metadata"))
        #expect(findings.of("Nag-SUP4").isEmpty, "an unknown id is not also reported as unused")
    }

    @Test(arguments: ["HIPAA.Security-S3BucketLoggingEnabled", "NIST.800.53.R5-IAMNoInlinePolicy",
                      "PCI.DSS.321-LambdaInsideVPC", "NIST.800.53.R4-S3BucketVersioningEnabled", "Serverless-LambdaTracing"])
    func rulesOfCompliancePacksNotRunAreNeitherUnknownNorUnused(id: String) throws {
        let findings = try TestRules.evaluate(Self.thing("{}", resourceSuppressions: ["{id: \(id), \(Self.reason)}"]),
                                              packs: TestRules.packs + BuiltInPacks.all)
        #expect(findings.problems.isEmpty, "\(findings.problems.map(\.detail))")
    }

    @Test(arguments: ["HIPAA.Security-NoSuchCheck", "Serverless-S3BucketLoggingEnabled", "NIST.800.53.R6-S3BucketVersioningEnabled"])
    func anIdNoPackPublishesIsUnknown(id: String) throws {
        // Every cdk-nag pack is built in, so an id is unknown when its pack is unknown or does not publish the check.
        let findings = try TestRules.evaluate(Self.thing("{}", resourceSuppressions: ["{id: \(id), \(Self.reason)}"]),
                                              packs: TestRules.packs + BuiltInPacks.all)
        #expect(findings.of("Nag-SUP3").count == 1)
    }

    @Test func knownRuleOfAPackNotRunIsNeitherUnknownNorUnused() throws {
        // AwsSolutions-S1 is known (the AwsSolutions pack is available) but only the Test pack runs.
        let findings = try TestRules.evaluate(Self.thing("{}", resourceSuppressions: ["{id: AwsSolutions-S1, \(Self.reason)}"]))
        #expect(findings.problems.isEmpty)
    }

    @Test(arguments: ["resource", "template"])
    func unusedSuppressionIsReported(scope: String) throws {
        let entry = "{id: Test-P1, \(Self.reason)}"
        let yaml = scope == "resource" ? Self.thing("{Bad: false}", resourceSuppressions: [entry])
            : Self.thing("{Bad: false}", templateSuppressions: [entry])
        let findings = try TestRules.evaluate(yaml)
        let problem = try #require(findings.of("Nag-SUP4").first)
        #expect(problem.level == .warning)
        #expect(problem.detail?.contains(scope == "resource" ? "on Thing" : "at template level") == true)
        #expect(findings.of("Nag-SUP4").count == 1)
    }

    @Test func unusedGranularSuppressionNamesItsAppliesTo() throws {
        let findings = try TestRules.evaluate(Self.thing("{Findings: ['Action::s3:*']}",
                                                         resourceSuppressions: ["{id: Test-G1, \(Self.reason), applies_to: ['Action::iam:*']}"]))
        #expect(findings.of("Test-G1").open.count == 1)
        #expect(findings.of("Nag-SUP4").first?.detail?.contains("Action::iam:*") == true)
    }

    @Test func suppressionProblemLevelsFollowOverridesAndSkips() throws {
        let yaml = Self.thing("{Bad: false}", resourceSuppressions: ["{id: Test-P1, \(Self.reason)}", "{id: Nope-X1, reason: short}"])
        let raised = try TestRules.evaluate(yaml, selection: RuleSelection(packNames: ["Test"], levelOverrides: ["Nag-SUP4": .error]))
        #expect(raised.of("Nag-SUP4").map(\.level) == [.error])
        let skipped = try TestRules.evaluate(yaml, selection: RuleSelection(packNames: ["Test"], skip: ["Nag-SUP"]))
        #expect(skipped.problems.isEmpty)
        let onlySUP1 = try TestRules.evaluate(yaml, selection: RuleSelection(packNames: ["Test"], skip: ["Nag-SUP3", "Nag-SUP4"]))
        #expect(onlySUP1.problems.map(\.ruleId) == ["Nag-SUP1"])
    }

    @Test func ignoreSuppressionsAppliesNoneAndReportsNoProblems() throws {
        let yaml = Self.thing("{Bad: true, Findings: ['Action::*']}", resourceSuppressions: [
            "{id: Test-P1, \(Self.reason)}", "{id: Test-G1, reason: x, applies_to: [{regex: '/[/'}]}", "{id: Nope-X1, \(Self.reason)}",
        ], templateSuppressions: ["{id: Test-W1, \(Self.reason)}"])
        let audit = try TestRules.evaluate(yaml, options: EvaluationOptions(ignoreSuppressions: true))
        #expect(audit.suppressed.isEmpty)
        #expect(audit.problems.isEmpty)
        #expect(audit.map(\.ruleId).sorted() == ["Test-G1", "Test-P1"])
        let normal = try TestRules.evaluate(yaml)
        #expect(normal.of("Test-P1").suppressed.count == 1)
        #expect(!normal.problems.isEmpty)
    }

    @Test func firstMatchingEntryWinsResourceBeforeTemplate() throws {
        let yaml = Self.thing("{Bad: true}", resourceSuppressions: ["{id: Test-P1, reason: Resource level reason.}"],
                              templateSuppressions: ["{id: Test-P1, reason: Template level reason.}"])
        let findings = try TestRules.evaluate(yaml)
        #expect(findings.of("Test-P1").first?.suppression?.reason == "Resource level reason.")
        // The template-level entry covered nothing.
        #expect(findings.of("Nag-SUP4").map(\.resource.logicalId) == ["Metadata"])
    }

    @Test func rulesToSuppressThatIsNotAListIsMalformed() throws {
        let yaml = "Resources:\n  Thing:\n    Type: Test::Thing\n    Metadata:\n      cdk_nag:\n        rules_to_suppress: {id: Test-P1}\n    Properties: {Bad: true}\n"
        let findings = try TestRules.evaluate(yaml)
        #expect(findings.of("Nag-SUP2").count == 1)
        #expect(findings.of("Test-P1").open.count == 1)
    }

    @Test func jsonTemplateSuppressionsWork() throws {
        let json = """
        {"Resources": {"Thing": {"Type": "Test::Thing",
          "Metadata": {"cdk_nag": {"rules_to_suppress": [
            {"id": "Test-G1", "reason": "Accepted by review, ticket 7.", "applies_to": ["Action::s3:*", {"regex": "/^Resource::arn:.*$/"}]}
          ]}},
          "Properties": {"Findings": ["Action::s3:*", "Resource::arn:aws:s3:::b/*", "Resource::*"]}}}}
        """
        let findings = try TestRules.evaluate(json)
        #expect(findings.of("Test-G1").suppressed.compactMap(\.findingId).sorted() == ["Action::s3:*", "Resource::arn:aws:s3:::b/*"])
        #expect(findings.of("Test-G1").open.compactMap(\.findingId) == ["Resource::*"])
    }
}
