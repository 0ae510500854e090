import Foundation
@testable import NagRules
import Testing

/// Suppressions written for cdk-nag 2 and 3 keep their meaning: cross-stack finding ids in either rendering,
/// copies CDK made across a construct subtree judged as one, other tools' rule ids left alone.
@Suite struct SuppressionMigrationTests {
    /// The findings of `yaml` with AwsSolutions-S1 and the suppression audit.
    static func findings(_ yaml: String, only: [String] = ["AwsSolutions-S1"]) throws -> [Finding] {
        let linter = Linter(selection: RuleSelection(packNames: ["AwsSolutions"], only: only))
        return try linter.run([.standardInput(Array(yaml.utf8))]).findings
    }

    /// A bucket and its policy under the construct `App/Store/Bucket`, each carrying `entry` as applyToChildren
    /// copies it; `logging` makes the bucket comply with S1.
    static func bucket(entry: String, logging: Bool = false, extra: String = "") -> String {
        """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties: \(logging ? "{LoggingConfiguration: {DestinationBucketName: logs}}" : "{}")
            Metadata:
              aws:cdk:path: App/Store/Bucket/Resource
              cdk_nag:
                rules_to_suppress:
                  - \(entry)
          BucketPolicy:
            Type: AWS::S3::BucketPolicy
            Properties: {Bucket: !Ref Bucket, PolicyDocument: {Statement: []}}
            Metadata:
              aws:cdk:path: App/Store/Bucket/Policy/Resource
              cdk_nag:
                rules_to_suppress:
                  - \(entry)
        \(extra)
        """
    }

    static let entry = "{reason: Access logs go to the organisation trail., id: AwsSolutions-S1}"

    func audit(_ findings: [Finding]) -> [String] {
        findings.filter { $0.ruleId.hasPrefix("Nag-") }.map { "\($0.location.line):\($0.location.column) \($0.ruleId) \($0.resource.logicalId): \($0.detail ?? "")" }
    }

    @Test func aCopyThatSuppressesMakesTheOtherCopiesUsed() throws {
        let findings = try Self.findings(Self.bucket(entry: Self.entry))
        #expect(findings.filter(\.isSuppressed).map(\.ruleId) == ["AwsSolutions-S1"])
        #expect(audit(findings).isEmpty)
    }

    @Test func copiesThatSuppressNothingAreReportedOnce() throws {
        let findings = try Self.findings(Self.bucket(entry: Self.entry, logging: true))
        #expect(audit(findings) == [
            "9:13 Nag-SUP4 Bucket: suppression of AwsSolutions-S1 on the 2 resources under App/Store/Bucket it is copied to suppressed nothing",
        ])
    }

    @Test func copiesWithAShortReasonAreReportedOnce() throws {
        let findings = try Self.findings(Self.bucket(entry: "{reason: logs, id: AwsSolutions-S1}"))
        #expect(audit(findings) == [
            "9:13 Nag-SUP1 Bucket: suppression of AwsSolutions-S1 has a reason shorter than 10 characters (on the 2 resources under App/Store/Bucket it is copied to)",
        ])
    }

    @Test func theSameWordsOnResourcesThatAreNotAWholeSubtreeAreJudgedOneByOne() throws {
        // A third resource under App/Store/Bucket carries no copy: the two entries were written one by one.
        let topic = """
              Topic:
                Type: AWS::SNS::Topic
                Metadata:
                  aws:cdk:path: App/Store/Bucket/Notifications/Resource
            """
        let findings = try Self.findings(Self.bucket(entry: Self.entry, extra: topic))
        #expect(audit(findings) == [
            "17:13 Nag-SUP4 BucketPolicy: suppression of AwsSolutions-S1 on BucketPolicy suppressed nothing",
        ])
    }

    @Test(arguments: ["CloudFormation-Validate::W3010", "W3010", "CKV_AWS_18", "Construct-Annotations::IAM:Group:MaxPoliciesExceeded",
                      "cfn-lint-W3010", "annotation::W3010", "Checkov::CKV_AWS_18"])
    func anotherToolsRuleIsNotNags(id: String) throws {
        let yaml = "Metadata:\n  cdk_nag:\n    rules_to_suppress:\n      - {id: '\(id)', reason: The availability zone is fixed on purpose.}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
        #expect(audit(try Self.findings(yaml)).isEmpty)
    }

    @Test(arguments: ["AwsSolutions-S99", "AwsSolution-S1", "awssolutions-S99", "NIST.800.53.R6-S3BucketVersioningEnabled",
                      "annotation::AwsSolutions-S99", "Annotation::AwsSolutions-S99", "AwsSolutions::AwsSolutions-S99",
                      "MyCompanyChecks-Encryption1"])
    func anIdWrittenAsCdkNagWritesRuleIdsIsStillReportedWhenNoPackHasIt(id: String) throws {
        let yaml = "Metadata:\n  cdk_nag:\n    rules_to_suppress:\n      - {id: '\(id)', reason: The availability zone is fixed on purpose.}\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
        #expect(try Self.findings(yaml).filter { $0.ruleId.hasPrefix("Nag-") }.map(\.ruleId) == ["Nag-SUP3"])
    }

    @Test func cdkNag3sAcknowledgementPrefixStillSuppresses() throws {
        let yaml = Self.bucket(entry: "{id: 'Annotation::AwsSolutions-S1', reason: Access logs go to the organisation trail.}")
        let findings = try Self.findings(yaml)
        #expect(findings.filter(\.isSuppressed).map(\.ruleId) == ["AwsSolutions-S1"])
        #expect(audit(findings).isEmpty)
    }

    @Test func findingIdRenderingsReplaceInOrder() {
        let renderings = FindingIdRenderings([.init("<referencetoServiceShared2CA94D5EArn>", original: "<SharedDACC02AA.Arn>")])
            .followed(by: FindingIdRenderings([.init("Prod-Producer:ExportsOutputFnGetAttSharedDACC02AAArnC693039C", original: "<SharedDACC02AA.Arn>")]))
        #expect(renderings.alternate(of: "Resource::<referencetoServiceShared2CA94D5EArn>/*") == "Resource::<SharedDACC02AA.Arn>/*")
        #expect(renderings.alternate(of: "Resource::Prod-Producer:ExportsOutputFnGetAttSharedDACC02AAArnC693039C/*") == "Resource::<SharedDACC02AA.Arn>/*")
        #expect(renderings.alternate(of: "Resource::*") == nil)
    }

    @Test(arguments: [("awssolutions", "awssolution", 1), ("nist80053r5", "nist80053r6", 1), ("nag", "edge", nil), ("serverless", "servreless", 2)])
    func editDistanceStopsAtItsLimit(a: String, b: String, expected: Int?) {
        #expect(RuleOwnership.distance(a, b, limit: 2) == expected)
    }
}

/// The cloud assembly fixture: suppressions copied from cdk-nag 2's output match nag's findings across stacks.
@Suite struct AssemblySuppressionTests {
    static func suppressed(rule: String) throws -> [String] {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--rule", rule, AssemblyFixture.path])
        let report = try JSONReport(result.stdout)
        return report.findingLines.filter { $0.contains(" suppressed ") || $0.contains(" Nag-") }
    }

    @Test func aSuppressionNamingTheParentsResourceCoversTheNestedStacksParameter() throws {
        let lines = try Self.suppressed(rule: "AwsSolutions-IAM5")
        // nag's id names the parameter; the entry names the parent's bucket, as cdk-nag 2 wrote it.
        #expect(lines.contains("ServiceNetwork7F1FBC97.nested.template.json:125:20 suppressed AwsSolutions-IAM5[Resource::<referencetoServiceShared2CA94D5EArn>/*] ReaderDefaultPolicy151F3818"))
        #expect(lines.contains("ServiceNetworkRules294A1688.nested.template.json:64:20 suppressed AwsSolutions-IAM5[Resource::<referencetoServiceShared2CA94D5EArn>/*] WriterDefaultPolicyDC585BCE"))
    }

    @Test func aSuppressionNamingTheExportingStacksResourceCoversTheImport() throws {
        let lines = try Self.suppressed(rule: "AwsSolutions-IAM5")
        #expect(lines.contains("ProdConsumerB9729712.template.json:42:20 suppressed AwsSolutions-IAM5[Resource::Prod-Producer:ExportsOutputFnGetAttSharedDACC02AAArnC693039C/*] ReaderDefaultPolicy151F3818"))
    }

    @Test func noSuppressionOfTheAssemblyIsReportedUnusedOrUnknown() throws {
        // Only the audit: no rule id is unknown (cfn-lint's W3010 and W3045 are not nag's to judge).
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--rule", "Nag-", AssemblyFixture.path])
        #expect(try JSONReport(result.stdout).findings.isEmpty)
        // With the default packs: no copy is reported unused either.
        let all = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", AssemblyFixture.path])
        #expect(try JSONReport(all.stdout).findingLines.filter { $0.contains(" Nag-") }.isEmpty)
    }
}
