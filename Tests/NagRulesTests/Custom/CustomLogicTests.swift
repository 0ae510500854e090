import Testing
@testable import NagRules

/// List items (`[*]`, `[n]`, `[Key=Value]`) with quantifiers, nested conditions, all / any / not, `when`,
/// and what an unresolvable value means.
@Suite struct CustomLogicTests {
    typealias S = CustomRuleTestSupport

    static let containers = """
          ContainerDefinitions:
            - Name: web
              User: "1000"
            - Name: sidecar
              User: root
    """

    @Test func quantifierAllFindsEveryFailingItem() throws {
        let rule = try S.rule("    assert: {path: \"ContainerDefinitions[*].User\", notEquals: root}")
        #expect(S.failure(.nonCompliant, task(Self.containers.replacingAll("User: root", with: "↓User: root")), rule) == nil)
        let two = task("""
              ContainerDefinitions:
                - Name: web
                  ↓Privileged: true
                - Name: sidecar
                  ↓Privileged: true
        """)
        let privileged = try S.rule("    assert: {path: \"ContainerDefinitions[*].Privileged\", absent: true}")
        #expect(S.failure(.nonCompliant, two, privileged) == nil)
        // No items: every one of none holds.
        #expect(S.failure(.compliant, task("      ContainerDefinitions: []"), privileged) == nil)
        #expect(S.failure(.compliant, task("      Cpu: 1"), privileged) == nil)
    }

    @Test func quantifierAnyAndNone() throws {
        let any = try S.rule("    assert: {path: \"ContainerDefinitions[*].User\", quantifier: any, equals: root}")
        #expect(S.failure(.compliant, task(Self.containers), any) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓ContainerDefinitions:\n        - Name: web"), any) == nil)
        #expect(S.failure(.nonCompliant, "Resources:\n  ↓Task:\n    Type: AWS::ECS::TaskDefinition", any) == nil)
        let none = try S.rule("    assert: {path: \"ContainerDefinitions[*].User\", quantifier: none, equals: root}")
        #expect(S.failure(.nonCompliant, task(Self.containers.replacingAll("User: root", with: "↓User: root")), none) == nil)
        #expect(S.failure(.compliant, task("      ContainerDefinitions:\n        - Name: web"), none) == nil)
    }

    @Test func indexesFiltersAndQuotedKeys() throws {
        let second = try S.rule("    assert: {path: \"ContainerDefinitions[1].Name\", equals: sidecar}")
        #expect(S.failure(.compliant, task(Self.containers), second) == nil)
        let filtered = try S.rule("""
            assert:
              path: "LoadBalancerAttributes[Key=deletion_protection.enabled].Value"
              quantifier: any
              equals: true
        """, types: "AWS::ElasticLoadBalancingV2::LoadBalancer")
        let alb = { (attributes: String) in "Resources:\n  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n\(attributes)" }
        #expect(S.failure(.compliant, alb("      LoadBalancerAttributes:\n        - Key: idle_timeout.timeout_seconds\n          Value: 60\n        - Key: deletion_protection.enabled\n          Value: \"true\""), filtered) == nil)
        #expect(S.failure(.nonCompliant, alb("      ↓LoadBalancerAttributes:\n        - Key: deletion_protection.enabled\n          Value: \"false\""), filtered) == nil)
        #expect(S.failure(.nonCompliant, alb("      ↓LoadBalancerAttributes:\n        - Key: idle_timeout.timeout_seconds\n          Value: 60"), filtered) == nil)
        let quoted = try S.rule("    assert: {path: 'Options.\"awslogs.group\"', equals: g}")
        #expect(S.failure(.compliant, task("      Options:\n        awslogs.group: g"), quoted) == nil)
    }

    @Test func nestedConditionOnEachItem() throws {
        let rule = try S.rule("""
            assert:
              path: "ContainerDefinitions[*]"
              assert:
                all:
                  - {path: User, exists: true}
                  - not: {path: User, matches: "(root|0)(:.*)?"}
        """)
        let template = task("""
              ContainerDefinitions:
                - ↓Name: web
                - Name: sidecar
                  ↓User: "0:0"
                - Name: agent
                  User: "1000"
        """)
        #expect(S.failure(.nonCompliant, template, rule) == nil)
        #expect(try S.details(template.replacingAll("↓", with: ""), rule) == ["ContainerDefinitions[0].User is not set", "ContainerDefinitions[1].User is 0:0"])
    }

    @Test func allAnyNot() throws {
        let all = try S.rule("    assert:\n      all:\n        - {path: Cpu, exists: true}\n        - {path: Memory, exists: true}")
        #expect(S.failure(.compliant, task("      Cpu: 1\n      Memory: 2"), all) == nil)
        #expect(S.failure(.nonCompliant, "Resources:\n  ↓Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: 1", all) == nil)
        let any = try S.rule("    assert:\n      any:\n        - {path: Cpu, equals: 1}\n        - {path: Memory, equals: 2}")
        #expect(S.failure(.compliant, task("      Cpu: 9\n      Memory: 2"), any) == nil)
        // An `any` that fails points where its first alternative failed.
        #expect(S.failure(.nonCompliant, task("      ↓Cpu: 9\n      Memory: 9"), any) == nil)
        let not = try S.rule("    assert:\n      not: {path: NetworkMode, equals: host}")
        #expect(S.failure(.compliant, task("      NetworkMode: awsvpc"), not) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓NetworkMode: host"), not) == nil)
    }

    @Test func whenLimitsTheResourcesChecked() throws {
        let rule = try S.rule("""
            when: {path: RequiresCompatibilities, contains: FARGATE}
            assert: {path: RuntimePlatform.CpuArchitecture, equals: ARM64}
        """)
        #expect(S.failure(.compliant, task("      RequiresCompatibilities: [EC2]"), rule) == nil)
        #expect(S.failure(.nonCompliant, "Resources:\n  ↓Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]", rule) == nil)
    }

    static let undecided = task("      Architecture: ↓!Ref Arch", extra: "Parameters:\n  Arch:\n    Type: String\n")

    @Test func unresolvedIsUnknownByDefault() throws {
        let rule = try S.rule("    assert: {path: Architecture, equals: ARM64}")
        #expect(S.failure(.unknown, Self.undecided, rule) == nil)
        #expect(S.failure(.compliant, Self.undecided.replacingAll("↓", with: ""), rule, parameters: ["Arch": "ARM64"]) == nil)
        let explicit = try S.rule("    unresolved: unknown\n    assert: {path: Architecture, equals: ARM64}")
        #expect(S.failure(.unknown, Self.undecided, explicit) == nil)
    }

    @Test func unresolvedPassAndFail() throws {
        let pass = try S.rule("    unresolved: pass\n    assert: {path: Architecture, equals: ARM64}")
        #expect(S.failure(.compliant, Self.undecided.replacingAll("↓", with: ""), pass) == nil)
        let fail = try S.rule("    unresolved: fail\n    assert: {path: Architecture, equals: ARM64}")
        #expect(S.failure(.nonCompliant, Self.undecided, fail) == nil)
    }

    @Test func aFailingPartDecidesDespiteAnUnknownOne() throws {
        let rule = try S.rule("    assert:\n      all:\n        - {path: Architecture, equals: ARM64}\n        - {path: Cpu, equals: 1}")
        let template = task("      Architecture: !Ref Arch\n      ↓Cpu: 2", extra: "Parameters:\n  Arch:\n    Type: String\n")
        #expect(S.failure(.nonCompliant, template, rule) == nil)
    }

    @Test func aReferenceToAResourceIsNotALiteral() throws {
        let rule = try S.rule("    assert: {path: ExecutionRoleArn, matches: \"arn:.*\"}")
        let template = "Resources:\n  Role:\n    Type: AWS::IAM::Role\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ↓ExecutionRoleArn: !GetAtt Role.Arn"
        #expect(S.failure(.unknown, template, rule) == nil)
        let exists = try S.rule("    assert: {path: ExecutionRoleArn, exists: true}")
        #expect(S.failure(.compliant, template.replacingAll("↓", with: ""), exists) == nil)
    }
}
