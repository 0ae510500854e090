import Testing
@testable import NagRules

/// `referenced` and `referencedBy`: types, `via`, quantifiers, nested conditions, and where findings point.
@Suite struct CustomRelationTests {
    typealias S = CustomRuleTestSupport

    static let logging = """
    Resources:
      Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: DAYS
      Task:
        Type: AWS::ECS::TaskDefinition
        Properties:
          ContainerDefinitions:
            - Name: web
              LogConfiguration:
                LogDriver: awslogs
                Options:
                  awslogs-group: MARK!Ref Logs
    """

    static func logging(days: String, mark: Bool = false) -> String {
        logging.replacingAll("DAYS", with: days).replacingAll("MARK", with: mark ? "↓" : "")
    }

    @Test func referencedResourcesMeetANestedCondition() throws {
        let rule = try S.rule("""
            assert:
              referenced:
                type: AWS::Logs::LogGroup
                via: "ContainerDefinitions[*].LogConfiguration.Options.awslogs-group"
                assert: {path: RetentionInDays, atMost: 400}
        """)
        #expect(S.failure(.compliant, Self.logging(days: "30"), rule) == nil)
        // The finding is on the task definition, at the reference to the log group.
        #expect(S.failure(.nonCompliant, Self.logging(days: "3653", mark: true), rule) == nil)
        #expect(try S.details(Self.logging(days: "3653"), rule) == ["Logs: RetentionInDays is 3653"])
        // quantifier all: no referenced log group at all complies.
        #expect(S.failure(.compliant, task("      Cpu: 1"), rule) == nil)
    }

    @Test func referencedWithQuantifierAnyNeedsOne() throws {
        let rule = try S.rule("""
            assert:
              referenced: {type: AWS::Logs::LogGroup, quantifier: any}
        """)
        #expect(S.failure(.compliant, Self.logging(days: "30"), rule) == nil)
        #expect(S.failure(.nonCompliant, "Resources:\n  ↓Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: 1", rule) == nil)
        #expect(try S.details(task("      Cpu: 1"), rule) == ["references no AWS::Logs::LogGroup"])
    }

    @Test func viaLimitsTheReferencesThatCount() throws {
        let rule = try S.rule("""
            assert:
              referenced: {type: AWS::Logs::LogGroup, via: ExecutionRoleArn, quantifier: any}
        """)
        // The task references the log group, but not under ExecutionRoleArn.
        #expect(S.failure(.nonCompliant, Self.logging(days: "30").replacingAll("  Task:", with: "  ↓Task:"), rule) == nil)
    }

    @Test func dependsOnIsNotAReference() throws {
        let rule = try S.rule("    assert:\n      referenced: {quantifier: none}")
        let template = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    DependsOn: Logs\n    Properties:\n      Cpu: 1"
        #expect(S.failure(.compliant, template, rule) == nil)
    }

    @Test func quantifierNoneForbidsARelation() throws {
        let rule = try S.rule("""
            assert:
              referenced:
                type: AWS::Logs::LogGroup
                quantifier: none
                assert: {path: RetentionInDays, greaterThan: 400}
        """)
        #expect(S.failure(.compliant, Self.logging(days: "30"), rule) == nil)
        #expect(S.failure(.nonCompliant, Self.logging(days: "3653", mark: true), rule) == nil)
    }

    static let bucket = """
    Resources:
      ↓Bucket:
        Type: AWS::S3::Bucket
    POLICY
    """

    static let policy = """
      Policy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Bucket
          PolicyDocument:
            Statement:
              - Effect: EFFECT
                Action: s3:*
    """

    @Test func referencedByFindsTheResourcesNamingThisOne() throws {
        let rule = try S.rule("""
            assert:
              referencedBy:
                type: AWS::S3::BucketPolicy
                via: Bucket
                quantifier: any
                assert: {path: "PolicyDocument.Statement[*].Effect", quantifier: any, equals: Deny}
        """, types: "AWS::S3::Bucket")
        let with = { (effect: String) in Self.bucket.replacingAll("POLICY", with: Self.policy.replacingAll("EFFECT", with: effect)) }
        #expect(S.failure(.compliant, with("Deny").replacingAll("↓", with: ""), rule) == nil)
        // Findings about a referencing resource point at this resource's logical id.
        #expect(S.failure(.nonCompliant, with("Allow"), rule) == nil)
        #expect(try S.details(with("Allow").replacingAll("↓", with: ""), rule) == ["Policy: PolicyDocument.Statement[0].Effect is Allow"])
        #expect(S.failure(.nonCompliant, Self.bucket.replacingAll("POLICY", with: ""), rule) == nil)
        #expect(try S.details(Self.bucket.replacingAll("POLICY", with: "").replacingAll("↓", with: ""), rule)
                == ["no AWS::S3::BucketPolicy references Bucket"])
    }

    @Test func relationInsideAListItemCountsThatItemsReferencesOnly() throws {
        let rule = try S.rule("""
            assert:
              path: "ContainerDefinitions[*]"
              assert:
                referenced: {type: AWS::Logs::LogGroup, quantifier: any}
        """)
        let template = Self.logging(days: "30") + "\n        - ↓Name: sidecar"
        #expect(S.failure(.nonCompliant, template, rule) == nil)
    }

    @Test func unknownInARelatedResourceIsReportedAtTheReference() throws {
        let rule = try S.rule("""
            assert:
              referenced:
                type: AWS::Logs::LogGroup
                assert: {path: RetentionInDays, atMost: 400}
        """)
        let template = "Parameters:\n  Days:\n    Type: Number\n" + Self.logging.replacingAll("DAYS", with: "!Ref Days").replacingAll("MARK", with: "↓")
        #expect(S.failure(.unknown, template, rule) == nil)
    }
}
