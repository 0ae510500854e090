import Testing
@testable import NagRules

/// A task definition `Task` with `properties` (written at 6 spaces, as under `Properties:`).
func task(_ properties: String, extra: String = "") -> String {
    """
    \(extra)Resources:
      Task:
        Type: AWS::ECS::TaskDefinition
        Properties:
    \(properties)
    """
}

/// Every operator of a value condition, on values written directly, through parameters and intrinsics.
@Suite struct CustomOperatorTests {
    typealias S = CustomRuleTestSupport

    @Test func existsAndAbsent() throws {
        let exists = try S.rule("    assert: {path: Family, exists: true}")
        #expect(S.failure(.compliant, task("      Family: web"), exists) == nil)
        #expect(S.failure(.nonCompliant, "Resources:\n  ↓Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: 1", exists) == nil)
        let absent = try S.rule("    assert: {path: Family, absent: true}")
        #expect(S.failure(.compliant, task("      Cpu: 1"), absent) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Family: web"), absent) == nil)
        let notExists = try S.rule("    assert: {path: Family, exists: false}")
        #expect(S.failure(.nonCompliant, task("      ↓Family: web"), notExists) == nil)
        // AWS::NoValue removes the property.
        #expect(S.failure(.compliant, task("      Family: !Ref AWS::NoValue"), absent) == nil)
    }

    @Test func deepestWrittenPropertyIsWhereTheFindingPoints() throws {
        let rule = try S.rule("    assert: {path: RuntimePlatform.CpuArchitecture, equals: ARM64}")
        #expect(S.failure(.nonCompliant, task("      ↓RuntimePlatform:\n        OperatingSystemFamily: LINUX"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      RuntimePlatform:\n        ↓CpuArchitecture: X86_64"), rule) == nil)
        #expect(try S.details(task("      RuntimePlatform:\n        CpuArchitecture: X86_64"), rule)
                == ["RuntimePlatform.CpuArchitecture is X86_64"])
        #expect(try S.details(task("      Cpu: 1"), rule) == ["RuntimePlatform.CpuArchitecture is not set"])
    }

    @Test func equalsComparesAsCloudFormationDoes() throws {
        let text = try S.rule("    assert: {path: Family, equals: web}")
        #expect(S.failure(.compliant, task("      Family: web"), text) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Family: Web"), text) == nil)
        let flag = try S.rule("    assert: {path: Flag, equals: true}")
        #expect(S.failure(.compliant, task("      Flag: \"True\""), flag) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Flag: \"false\""), flag) == nil)
        let number = try S.rule("    assert: {path: Cpu, equals: 1024}")
        #expect(S.failure(.compliant, task("      Cpu: \"1024.0\""), number) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Cpu: 512"), number) == nil)
        let list = try S.rule("    assert: {path: RequiresCompatibilities, equals: [FARGATE]}")
        #expect(S.failure(.compliant, task("      RequiresCompatibilities: [FARGATE]"), list) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓RequiresCompatibilities: [EC2, FARGATE]"), list) == nil)
    }

    @Test func notEqualsHoldsForAbsentValues() throws {
        let rule = try S.rule("    assert: {path: Privileged, notEquals: true}")
        #expect(S.failure(.compliant, task("      Cpu: 1"), rule) == nil)
        #expect(S.failure(.compliant, task("      Privileged: false"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Privileged: \"TRUE\""), rule) == nil)
    }

    @Test func oneOf() throws {
        let rule = try S.rule("    assert: {path: Cpu, oneOf: [256, 512, \"1024\"]}")
        #expect(S.failure(.compliant, task("      Cpu: \"512\""), rule) == nil)
        #expect(S.failure(.compliant, task("      Cpu: 1024"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Cpu: 4096"), rule) == nil)
        #expect(S.failure(.nonCompliant, "Resources:\n  ↓Task:\n    Type: AWS::ECS::TaskDefinition", rule) == nil)
    }

    @Test func matchesTheWholeText() throws {
        let rule = try S.rule("    assert: {path: Family, matches: \"svc-[a-z]+\"}")
        #expect(S.failure(.compliant, task("      Family: svc-web"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Family: svc-web-2"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Family: my-svc-web"), rule) == nil)
        // Fn::Sub resolves when its parts do.
        #expect(S.failure(.compliant, task("      Family: !Sub \"svc-${Name}\"", extra: "Parameters:\n  Name:\n    Type: String\n    Default: web\n"), rule) == nil)
    }

    @Test func containsInListsStringsAndMaps() throws {
        let rule = try S.rule("    assert: {path: Value, contains: FARGATE}")
        #expect(S.failure(.compliant, task("      Value: [EC2, FARGATE]"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Value: [EC2]"), rule) == nil)
        #expect(S.failure(.compliant, task("      Value: USE_FARGATE_SPOT"), rule) == nil)
        #expect(S.failure(.compliant, task("      Value:\n        FARGATE: 1"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Value:\n        EC2: 1"), rule) == nil)
        // A list item that is a Fn::If resolves through the condition.
        let withIf = task("      Value: [EC2, !If [IsOn, FARGATE, EC2]]",
                          extra: "Conditions:\n  IsOn: !Equals [a, a]\n")
        #expect(S.failure(.compliant, withIf, rule) == nil)
    }

    @Test func numericComparisons() throws {
        let cases: [(String, String, Bool)] = [
            ("greaterThan: 30", "31", true), ("greaterThan: 30", "30", false),
            ("lessThan: 30", "29", true), ("lessThan: 30", "30", false),
            ("atLeast: 30", "30", true), ("atLeast: 30", "29.5", false),
            ("atMost: 30", "\"30\"", true), ("atMost: 30", "31", false),
            ("atMost: 30", "thirty", false),
        ]
        for (test, value, holds) in cases {
            let rule = try S.rule("    assert: {path: Days, \(test)}")
            if holds {
                #expect(S.failure(.compliant, task("      Days: \(value)"), rule) == nil, "\(test) on \(value)")
            } else {
                #expect(S.failure(.nonCompliant, task("      ↓Days: \(value)"), rule) == nil, "\(test) on \(value)")
            }
        }
    }

    @Test func severalOperatorsMustAllHold() throws {
        let rule = try S.rule("    assert: {path: Days, exists: true, atLeast: 7, atMost: 400}")
        #expect(S.failure(.compliant, task("      Days: 30"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Days: 3"), rule) == nil)
        #expect(S.failure(.nonCompliant, task("      ↓Days: 401"), rule) == nil)
    }

    @Test func parametersResolveAsForBuiltInRules() throws {
        let rule = try S.rule("    assert: {path: Days, atMost: 400}")
        let template = task("      ↓Days: !Ref Days", extra: "Parameters:\n  Days:\n    Type: Number\n    Default: 3653\n")
        #expect(S.failure(.nonCompliant, template, rule) == nil)
        #expect(S.failure(.compliant, template.replacingAll("↓", with: ""), rule, parameters: ["Days": "30"]) == nil)
    }
}
