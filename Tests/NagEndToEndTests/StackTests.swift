import NagRules
import NagTesting
import Testing

/// The reference stack passes the gate it is deployed through: every built-in rule, no unsuppressed finding
/// at warning level or above, and every suppression specific to its resource.
@Suite struct StackTests {
    @Test func noUnsuppressedFindings() throws {
        let findings = try nagFindings(templateAt: TestPaths.stack, packs: ["AwsSolutions", "Edge"], failOn: .warning)
        #expect(findings.isEmpty)
    }

    @Test func everySuppressionIsOnAResourceWithASpecificReason() throws {
        let report = try Linter(selection: RuleSelection(packNames: ["AwsSolutions", "Edge"])).run([.file(TestPaths.stack)])
        let suppressed = report.findings.filter(\.isSuppressed)
        #expect(!suppressed.isEmpty)
        for finding in suppressed {
            let suppression = try #require(finding.suppression)
            #expect(suppression.scope == .resource, "\(finding.qualifiedRuleId) is suppressed for the whole template")
            #expect(suppression.reason.count >= 80, "\(finding.qualifiedRuleId) on \(finding.resource.logicalId) needs a specific reason")
        }
        // The suppressions are exactly the accepted trade-offs; a new one must be added here on purpose.
        #expect(Set(suppressed.map { "\($0.qualifiedRuleId) \($0.resource.logicalId)" }) == [
            "AwsSolutions-S1 AccessLogBucket", "AwsSolutions-SMG4 OriginSecret",
            "AwsSolutions-IAM5[Resource::*] ExecutionRole", "AwsSolutions-ECS2 TaskDefinition",
            "AwsSolutions-IAM5[Resource::*] TaskRole",
            "AwsSolutions-CFR1 Distribution", "AwsSolutions-CFR2 Distribution",
            "AwsSolutions-CFR4 Distribution", "AwsSolutions-CFR5 Distribution",
        ])
    }

    @Test func theEdgeRulesSeeTheWholeArchitecture() throws {
        // Not vacuous: each Edge rule evaluated a resource of the stack and found it compliant.
        let report = try Linter(selection: RuleSelection(packNames: ["Edge"])).run([.file(TestPaths.stack)])
        let compliant = Set(report.compliant.map { "\($0.check.ruleId) \($0.check.resource.logicalId)" })
        #expect(compliant.isSuperset(of: [
            "Edge-LOG1 AccessLogBucket", "Edge-ALB1 LoadBalancer", "Edge-CFR1 Distribution", "Edge-ORIGIN1 LoadBalancer",
        ]))
    }

    @Test func findingsListEveryProblemWithItsLocation() throws {
        let findings = try nagFindings(templateAt: TestPaths.path("Tests/Fixtures/stack/unsafe-service.yaml"))
        #expect(!findings.isEmpty)
        let text = findings.description
        #expect(text.contains("unsafe-service.yaml:4:3: error AwsSolutions-S10 Uploads"))
        #expect(text.contains("unsafe-service.yaml:6:3: error Edge-ALB1 Alb"))
    }
}
