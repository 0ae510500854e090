import Foundation
import Testing
@testable import NagRules

/// Flags a `Test::Door` whose `Open` resolves to `yes`, and is undecided when `Open` is.
struct OpenDoorCheck: Check {
    let about = CheckAbout(resourceTypes: ["Test::Door"], cause: "The door is open.", explanation: "For tests.", fix: "Close it.")

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch context.resolve(resource, "Open") {
        case .value(let value) where value.scalarText == "yes": .violation(at: resource.position(ofProperty: "Open"))
        case .unknown(let why): .unknown(why)
        default: .compliant
        }
    }
}

/// Every deployable configuration: parameters with `AllowedValues` range over them, and a finding that
/// holds only for some choices names them.
@Suite struct ScenarioTests {
    static let doors = RulePack("Doors", summary: "Test-only rules.", [.error("D1", OpenDoorCheck())])

    static func findings(_ yaml: String, parameters: [String: String] = [:],
                         maxScenarios: Int = EvaluationOptions.defaultMaxScenarios) throws -> [Finding] {
        var options = EvaluationOptions(parameterValues: parameters)
        options.maxScenarios = maxScenarios
        return try TestRules.evaluate(yaml, options: options, selection: RuleSelection(packNames: ["Doors"]),
                                      packs: [doors, .awsSolutions, .nag])
    }

    static let volume = """
    Parameters:
      Encrypt: {Type: String, Default: "true", AllowedValues: ["true", "false"]}
    Conditions:
      IsEncrypt: !Equals [!Ref Encrypt, "true"]
    Resources:
      Vol:
        Type: AWS::EC2::Volume
        Properties: {AvailabilityZone: us-east-1a, Size: 10, Encrypted: !If [IsEncrypt, true, false]}
    """

    @Test func aTemplateSafeOnlyWithItsDefaultFailsWithTheScenarioNamed() throws {
        let ec26 = try TestRules.evaluate(Self.volume, selection: RuleSelection(packNames: ["AwsSolutions"])).of("AwsSolutions-EC26")
        #expect(ec26.count == 1)
        #expect(ec26.first?.location.position == Position(line: 8, column: 58))
        #expect(ec26.first?.scenario == Scenario(choices: [Scenario.Choice("Encrypt", "false")]))
        #expect(ec26.first?.detail?.hasSuffix("when Encrypt=false") == true)
    }

    @Test func suppliedValuesNarrowTheScenariosAsADeploymentWould() throws {
        let aws = RuleSelection(packNames: ["AwsSolutions"])
        let safe = try TestRules.evaluate(Self.volume, options: EvaluationOptions(parameterValues: ["Encrypt": "true"]), selection: aws)
        #expect(safe.of("AwsSolutions-EC26").isEmpty)
        let unsafe = try TestRules.evaluate(Self.volume, options: EvaluationOptions(parameterValues: ["Encrypt": "false"]), selection: aws)
        #expect(unsafe.of("AwsSolutions-EC26").count == 1)
        #expect(unsafe.of("AwsSolutions-EC26").first?.scenario == nil)
    }

    @Test func aConditionOfSeveralParametersNamesEachChoice() throws {
        let found = try Self.findings("""
        Parameters:
          Zone: {Type: String, Default: inner, AllowedValues: [inner, outer]}
          Mode: {Type: String, Default: locked, AllowedValues: [locked, public]}
        Conditions:
          Exposed: !And [!Equals [!Ref Zone, outer], !Equals [!Ref Mode, public]]
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !If [Exposed, "yes", "no"]
        """)
        #expect(found.count == 1)
        #expect(found.first?.location.position == Position(line: 10, column: 7))
        #expect(found.first?.scenario?.condition == "Zone=outer and Mode=public")
        #expect(found.first?.detail == "when Zone=outer and Mode=public")
    }

    @Test func aMapKeyedByAParameter() throws {
        let found = try Self.findings("""
        Parameters:
          Stage: {Type: String, Default: prod, AllowedValues: [prod, dev, test]}
        Mappings:
          Doors: {prod: {Open: "no"}, dev: {Open: "yes"}, test: {Open: "no"}}
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !FindInMap [Doors, !Ref Stage, Open]
        """)
        #expect(found.map(\.scenario?.condition) == ["Stage=dev"])
        #expect(found.first?.location.position == Position(line: 9, column: 7))
    }

    @Test func nestedConditionsAndAChoiceOfSeveralValues() throws {
        let found = try Self.findings("""
        Parameters:
          Stage: {Type: String, Default: prod, AllowedValues: [prod, dev, test]}
        Conditions:
          IsDev: !Equals [!Ref Stage, dev]
          IsNotProd: !Or [!Condition IsDev, !Equals [!Ref Stage, test]]
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !If [IsNotProd, "yes", "no"]
        """)
        #expect(found.map(\.scenario?.condition) == ["Stage is one of dev, test"])
    }

    @Test func aFindingInEveryScenarioIsReportedAsBefore() throws {
        let found = try Self.findings("""
        Parameters:
          Stage: {Type: String, Default: prod, AllowedValues: [prod, dev]}
        Conditions:
          IsDev: !Equals [!Ref Stage, dev]
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !If [IsDev, "yes", !Sub "y${Suffix}"]
        """.replacingOccurrences(of: "${Suffix}", with: "es"))
        #expect(found.count == 1)
        #expect(found.first?.scenario == nil)
        #expect(found.first?.detail == nil)
    }

    @Test func aListParameterRangesOverItsAllowedValues() throws {
        let found = try Self.findings("""
        Parameters:
          Modes: {Type: CommaDelimitedList, Default: "no", AllowedValues: ["no", "maybe", "yes"]}
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !Select [0, !Ref Modes]
        """)
        #expect(found.map(\.scenario?.condition) == ["Modes=yes"])
    }

    @Test func anAssumedDefaultIsSaid() throws {
        let found = try Self.findings("""
        Parameters:
          Open: {Type: String, Default: "yes"}
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !Ref Open
        """)
        #expect(found.count == 1)
        #expect(found.first?.scenario == Scenario(assumedDefaults: [Scenario.Choice("Open", "yes")]))
        #expect(found.first?.detail == "assuming Open=yes (its Default)")
    }

    @Test func aParameterWithoutDefaultOrChoicesStaysUndecided() throws {
        let found = try Self.findings("""
        Parameters:
          Open: {Type: String}
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !Ref Open
        """)
        #expect(found.map(\.kind) == [.unknown])
        #expect(found.first?.message.contains("has no Default") == true)
    }

    /// The Default of an SSM-typed parameter names the SSM parameter; the value is only known at deploy time.
    @Test func anSSMParameterIsReadAtDeployTime() throws {
        let yaml = """
        Parameters:
          Open: {Type: "AWS::SSM::Parameter::Value<String>", Default: /doors/open}
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !Ref Open
        """
        let found = try Self.findings(yaml)
        #expect(found.map(\.kind) == [.unknown])
        #expect(found.first?.message.contains("read from the SSM parameter /doors/open at deploy time") == true)
        #expect(found.first?.location.position == Position(line: 7, column: 13))
        #expect(try Self.findings(yaml, parameters: ["Open": "yes"]).map(\.kind) == [.violation])
    }

    /// Ten parameters of two values each are 1,024 combinations; a budget of 8 stops early with the reason.
    @Test func pastTheScenarioBudgetTheRestIsUndecided() throws {
        let names = (0..<10).map { "P\($0)" }
        let yaml = """
        Parameters:
        \(names.map { "  \($0): {Type: String, Default: a, AllowedValues: [a, b]}" }.joined(separator: "\n"))
        Conditions:
          AllB: !And [\(names.map { "!Equals [!Ref \($0), b]" }.joined(separator: ", "))]
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !If [AllB, "yes", "no"]
        """
        let limited = try Self.findings(yaml, maxScenarios: 8)
        #expect(limited.map(\.kind) == [.unknown])
        #expect(limited.first?.message.contains("scenario budget (8 per template, --max-scenarios)") == true)
        let full = try Self.findings(yaml, maxScenarios: 2048)
        #expect(full.map(\.scenario?.condition) == [names.map { "\($0)=b" }.joined(separator: " and ")])
    }

    /// Each condition of the chain names the previous one twice: decided once per scenario, the chain is
    /// linear; decided again at each use it would take 2^100 steps and hit the work limit (an unknown).
    @Test func sharedConditionsAreDecidedOncePerScenario() throws {
        let chain = (1..<100).map { "  C\($0): !Or [!Condition C\($0 - 1), !Condition C\($0 - 1)]" }.joined(separator: "\n")
        let found = try Self.findings("""
        Parameters:
          Switch: {Type: String, Default: "off", AllowedValues: ["off", "on"]}
        Conditions:
          C0: !Equals [!Ref Switch, "on"]
        \(chain)
        Resources:
          Door:
            Type: Test::Door
            Properties:
              Open: !If [C99, "yes", "no"]
        """)
        #expect(found.map(\.kind) == [.violation])
        #expect(found.first?.scenario?.condition == "Switch=on")
    }

    @Test func reportsCarryTheScenario() throws {
        let linter = Linter(availablePacks: [Self.doors], selection: RuleSelection(packNames: ["Doors"]))
        let report = try linter.run([TemplateSource(name: "door.yaml", bytes: Array("""
        Parameters:
          Mode: {Type: String, Default: shut, AllowedValues: [shut, "yes"]}
        Resources:
          Door:
            Type: Test::Door
            Properties: {Open: !Ref Mode}
        """.utf8))])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONFormatter().format(report).utf8)) as? [String: Any])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        let scenario = try #require(finding["scenario"] as? [String: Any])
        #expect(scenario["text"] as? String == "when Mode=yes")
        let choice = try #require((scenario["when"] as? [[String: Any]])?.first)
        #expect(choice["parameter"] as? String == "Mode")
        #expect(choice["values"] as? [String] == ["yes"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFFormatter().format(report).utf8)) as? [String: Any])
        let result = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let properties = try #require(result["properties"] as? [String: Any])
        #expect((properties["scenario"] as? [String: Any])?["text"] as? String == "when Mode=yes")
        #expect(TextFormatter().format(report).contains("when Mode=yes"))
    }

    @Test func aValueForAParameterNoTemplateDeclaresIsAWarning() throws {
        let linter = Linter(availablePacks: [Self.doors], selection: RuleSelection(packNames: ["Doors"]),
                            options: EvaluationOptions(parameterValues: ["Mdoe": "shut"]))
        let report = try linter.run([TemplateSource(name: "door.yaml", bytes: Array("""
        Parameters:
          Mode: {Type: String, Default: shut, AllowedValues: [shut, "yes"]}
        Resources:
          Door: {Type: Test::Door, Properties: {Open: !Ref Mode}}
        """.utf8))])
        let warnings = report.files.flatMap(\.diagnostics).filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location == FileLocation(file: "door.yaml", line: 1, column: 1))
        #expect(warnings.first?.message.contains("parameter Mdoe, which no template checked declares (it declares Mode)") == true)
        #expect(report.outcome(failOn: .error) == .findings)
    }
}
