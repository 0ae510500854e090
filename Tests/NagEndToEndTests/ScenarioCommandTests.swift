import Testing

/// `nag` on a template that is safe only with its default parameters: the gate fails and names the choice.
@Suite struct ScenarioCommandTests {
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

    @Test func theGateFailsAndNamesTheScenario() throws {
        let result = try NagBinary.run(["-", "--no-color"], stdin: Self.volume)
        #expect(result.status == 1)
        #expect(result.stdout.contains("-:8:58: error AwsSolutions-EC26 Vol:"))
        #expect(result.stdout.contains("    when Encrypt=false\n"))
    }

    @Test func aDeploymentsValuesDecide() throws {
        let safe = try NagBinary.run(["-", "--parameters", "Encrypt=true"], stdin: Self.volume)
        #expect(safe.status == 0)
        let typo = try NagBinary.run(["-", "--parameters", "Encrpyt=true"], stdin: Self.volume)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("-:1:1: warning: a value is given for parameter Encrpyt, which no template checked declares")
                || typo.stdout.contains("-:1:1: warning: a value is given for parameter Encrpyt, which no template checked declares"))
    }

    @Test func theScenarioBudgetIsValidated() throws {
        let result = try NagBinary.run(["-", "--max-scenarios", "0"], stdin: Self.volume)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-scenarios is between 1 and 65536"))
    }
}

/// A parent's variable parameter passed to a nested stack: the child is checked for each of its choices.
@Suite struct NestedScenarioTests {
    @Test func aChildRangesOverTheChoicesItsParentPasses() throws {
        let folder = try TemplateFolder([
            "child.yaml": """
            Parameters:
              Encrypted: {Type: String, Default: "true"}
            Resources:
              Vol:
                Type: AWS::EC2::Volume
                Properties: {AvailabilityZone: us-east-1a, Size: 10, Encrypted: !Ref Encrypted}
            """,
            "parent.yaml": """
            Parameters:
              Encrypt: {Type: String, Default: "true", AllowedValues: ["true", "false"]}
            Resources:
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child.yaml
                  Parameters: {Encrypted: !Ref Encrypt}
            """,
        ])
        defer { folder.remove() }
        let open = try folder.nag(["--rule", "AwsSolutions-EC26", "./parent.yaml"])
        #expect(open.status == 1)
        #expect(open.report.findingLines == ["child.yaml:6:58 error AwsSolutions-EC26 Vol"])
        let scenario = try #require(open.report.findings.first?["scenario"] as? [String: Any])
        #expect(scenario["text"] as? String == "when Encrypted=false")
        let decided = try folder.nag(["--rule", "AwsSolutions-EC26", "--parameters", "Encrypt=true", "./parent.yaml"])
        #expect(decided.status == 0)
        #expect(decided.report.findingLines.isEmpty)
    }
}
