import Foundation
@testable import NagRules
import Testing

/// Templates written in a temporary folder for one test; deleted with `remove()`.
struct TemplateFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("nag-nested-\(UUID().uuidString)").path
        for (name, text) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Runs nag with `arguments` (paths relative to the folder start with `./`) and reads its JSON report.
    func nag(_ arguments: [String]) throws -> (status: Int32, report: JSONReport, stderr: String) {
        let resolved = arguments.map { $0.hasPrefix("./") ? path + "/" + $0.dropFirst(2) : $0 }
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json"] + resolved)
        return (result.status, try JSONReport(result.stdout), result.stderr)
    }

    /// The report's file names, relative to the folder.
    func names(_ report: JSONReport) -> [String] { report.files.map { String($0.dropFirst(path.count + 1)) } }
}

/// Nested stacks in plain folders, found from the parent's `TemplateURL` as `aws cloudformation package` reads it.
@Suite struct NestedStackDiscoveryTests {
    static let child = """
        Resources:
          Data:
            Type: AWS::S3::Bucket
        """

    static func parent(_ url: String, logicalId: String = "Child") -> String {
        """
        Resources:
          \(logicalId):
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: \(url)
        """
    }

    @Test func aFolderChecksANestedTemplateOnceAfterItsParent() throws {
        let folder = try TemplateFolder(["a-child.yaml": Self.child, "b-parent.yaml": Self.parent("./a-child.yaml")])
        defer { folder.remove() }
        let run = try folder.nag(["--rule", "AwsSolutions-S1", folder.path])
        #expect(run.status == 1)
        #expect(folder.names(run.report) == ["b-parent.yaml", "a-child.yaml"])
        // --rule is a prefix: S1 and S10.
        #expect(run.report.findingLines == ["a-child.yaml:2:3 error AwsSolutions-S1 Data", "a-child.yaml:2:3 error AwsSolutions-S10 Data"])
    }

    @Test func aParentNamedAloneBringsItsNestedTemplate() throws {
        let folder = try TemplateFolder(["child.yaml": Self.child, "parent.yaml": Self.parent("child.yaml")])
        defer { folder.remove() }
        let run = try folder.nag(["--rule", "AwsSolutions-S1", "./parent.yaml"])
        #expect(run.status == 1)
        #expect(folder.names(run.report) == ["parent.yaml", "child.yaml"])
    }

    @Test func anS3URLWhoseFileIsBesideTheParentIsFollowed() throws {
        let folder = try TemplateFolder(["child.yaml": Self.child, "parent.yaml": Self.parent("https://s3.amazonaws.com/bucket/child.yaml")])
        defer { folder.remove() }
        let run = try folder.nag(["--rule", "AwsSolutions-S1", "./parent.yaml"])
        #expect(folder.names(run.report) == ["parent.yaml", "child.yaml"])
    }

    @Test func aURLOfATemplateKeptElsewhereIsNotAProblem() throws {
        let folder = try TemplateFolder(["parent.yaml": Self.parent("https://s3.amazonaws.com/bucket/elsewhere.yaml")])
        defer { folder.remove() }
        let run = try folder.nag(["./parent.yaml"])
        #expect(run.status == 0)
        #expect(folder.names(run.report) == ["parent.yaml"])
        #expect(run.report.diagnostics.isEmpty)
    }

    @Test func aMissingRelativeTemplateIsAWarningNotAFailure() throws {
        let folder = try TemplateFolder(["parent.yaml": Self.parent("./missing.yaml")])
        defer { folder.remove() }
        let run = try folder.nag(["./parent.yaml"])
        #expect(run.status == 0, "a nested template kept elsewhere does not fail the run")
        #expect(run.report.diagnostics == [
            "\(folder.path)/parent.yaml:5:20: warning: nested stack Child: its template ./missing.yaml does not exist, so it is not checked",
        ])
    }

    @Test func aTemplateNestedByTwoParentsIsCheckedUnderEach() throws {
        let folder = try TemplateFolder(["child.yaml": Self.child, "one.yaml": Self.parent("child.yaml"), "two.yaml": Self.parent("child.yaml")])
        defer { folder.remove() }
        let run = try folder.nag(["--rule", "AwsSolutions-S1", folder.path])
        #expect(folder.names(run.report) == ["one.yaml", "child.yaml", "two.yaml", "child.yaml"])
    }

    @Test func aTemplateThatNestsItselfIsCheckedOnceWithAWarning() throws {
        let folder = try TemplateFolder(["loop.yaml": Self.parent("loop.yaml", logicalId: "Again")])
        defer { folder.remove() }
        let run = try folder.nag([folder.path])
        #expect(run.status == 0)
        #expect(folder.names(run.report) == ["loop.yaml"])
        #expect(run.report.diagnostics == [
            "\(folder.path)/loop.yaml:5:20: warning: nested stack Again deploys \(folder.path)/loop.yaml, which is already one of its parent stacks; not followed",
        ])
    }

    @Test func nestingDeeperThanTheLimitStopsWithAWarning() throws {
        var files: [String: String] = [:]
        for level in 0..<40 { files[String(format: "s%02d.yaml", level)] = Self.parent(String(format: "s%02d.yaml", level + 1), logicalId: "Next") }
        let folder = try TemplateFolder(files)
        defer { folder.remove() }
        let run = try folder.nag(["./s00.yaml"])
        #expect(run.status == 0)
        #expect(folder.names(run.report).count == 32)
        #expect(run.report.diagnostics.count == 1)
        #expect(run.report.diagnostics.first?.contains("s31.yaml:5:20: warning: nested stack Next is not followed: nesting deeper than 32 levels") == true)
    }

    @Test func twoTemplatesNestingEachOtherAreBothChecked() throws {
        let folder = try TemplateFolder(["a.yaml": Self.parent("b.yaml", logicalId: "B"), "b.yaml": Self.parent("a.yaml", logicalId: "A")])
        defer { folder.remove() }
        let run = try folder.nag([folder.path])
        #expect(folder.names(run.report) == ["a.yaml", "b.yaml"])
        #expect(run.report.diagnostics.count == 1)
    }
}

/// A nested stack is evaluated with the values its parent passes, decided in the parent, at any depth.
@Suite struct NestedStackParameterTests {
    /// A child whose security group admits `Cidr` (EC23 decides it from the value).
    static let child = """
        Parameters:
          Cidr:
            Type: String
            Default: 10.0.0.0/8
        Resources:
          Group:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: ingress from the CIDR the parent passes
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: !Ref Cidr
        """

    static func parent(passing value: String, extra: String = "") -> String {
        """
        \(extra)Resources:
          Child:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: child.yaml
              Parameters:
                Cidr: \(value)
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 0.0.0.0/0
          Secret:
            Type: AWS::SSM::Parameter
            Properties:
              Type: String
              Value: 0.0.0.0/0
        """
    }

    func ec23(parent: String, _ arguments: [String] = []) throws -> [String] {
        let folder = try TemplateFolder(["child.yaml": Self.child, "parent.yaml": parent])
        defer { folder.remove() }
        let run = try folder.nag(["--rule", "AwsSolutions-EC23", "--skip-rule", "Nag-"] + arguments + ["./parent.yaml"])
        #expect(folder.names(run.report) == ["parent.yaml", "child.yaml"])
        return run.report.findings.map { finding in
            let location = finding["location"] as? [String: Any] ?? [:]
            let where_ = "\(location["line"] ?? "?"):\(location["column"] ?? "?")"
            return "\(where_) \(finding["level"] ?? "?") \(finding["message"] ?? "?")".replacingOccurrences(of: folder.path + "/", with: "")
        }
    }

    static let open = "14:11 error The security group admits inbound traffic from 0.0.0.0/0 or ::/0."

    @Test func aLiteralTheParentPassesDecidesTheChild() throws {
        #expect(try ec23(parent: Self.parent(passing: "0.0.0.0/0")) == [Self.open])
    }

    @Test func aValueTheParentResolvesDecidesTheChild() throws {
        // The VPC's CidrBlock is written in the parent: Fn::GetAtt of it resolves there.
        #expect(try ec23(parent: Self.parent(passing: "!GetAtt Vpc.CidrBlock")) == [Self.open])
        #expect(try ec23(parent: Self.parent(passing: "!Join ['', ['0.0.0.', '0/0']]")) == [Self.open])
    }

    @Test func theChildsDefaultAppliesWhenTheParentPassesNothing() throws {
        let parent = Self.parent(passing: "!Ref AWS::NoValue")
        #expect(try ec23(parent: parent).isEmpty, "10.0.0.0/8 complies")
    }

    @Test func aReferenceToAParentResourceIsUndecidedWithThatReasonAndTheDefaultNoLongerApplies() throws {
        #expect(try ec23(parent: Self.parent(passing: "!GetAtt Secret.Value")) == [
            "14:19 warning could not be decided: Ref to parameter Cidr, which is passed Fn::GetAtt Secret.Value (parent.yaml:7:15), known only once deployed",
        ])
    }

    @Test func aParentParameterFlowsFromTheCommandLine() throws {
        let parent = Self.parent(passing: "!Ref Allowed", extra: "Parameters:\n  Allowed:\n    Type: String\n")
        #expect(try ec23(parent: parent, ["--parameters", "Allowed=0.0.0.0/0"]) == [Self.open])
        #expect(try ec23(parent: parent) == [
            "14:19 warning could not be decided: Ref to parameter Cidr, which is passed a value that cannot be decided (parent.yaml:10:15): Ref to parameter Allowed, which has no Default (pass --parameters Allowed=VALUE)",
        ])
    }

    @Test func parametersThatCannotBeDecidedLeaveEveryChildParameterUndecided() throws {
        let parent = """
            Resources:
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child.yaml
                  Parameters: !If [InUsEast1, {Cidr: 0.0.0.0/0}, {Cidr: 10.0.0.0/8}]
            Conditions:
              InUsEast1: !Equals [!Ref AWS::Region, us-east-1]
            """
        let findings = try ec23(parent: parent)
        #expect(findings.count == 1)
        #expect(findings.first?.hasPrefix("14:19 warning could not be decided: Ref to parameter Cidr, which is passed a value from Parameters that cannot be decided (parent.yaml:") == true, "\(findings)")
    }

    @Test func valuesReachEveryDepth() throws {
        let middle = """
            Parameters:
              Cidr:
                Type: String
              BucketArn:
                Type: String
            Resources:
              Grandchild:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child.yaml
                  Parameters:
                    Cidr: !Ref Cidr
            """
        let top = """
            Resources:
              Middle:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: middle.yaml
                  Parameters:
                    Cidr: !GetAtt Secret.Value
              Secret:
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Value: 0.0.0.0/0
            """
        let folder = try TemplateFolder(["child.yaml": Self.child, "middle.yaml": middle, "top.yaml": top])
        defer { folder.remove() }
        let run = try folder.nag(["--rule", "AwsSolutions-EC23", folder.path])
        #expect(folder.names(run.report) == ["top.yaml", "middle.yaml", "child.yaml"])
        #expect(run.report.findings.compactMap { $0["message"] as? String }.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == [
            "could not be decided: Ref to parameter Cidr, which is passed Fn::GetAtt Secret.Value (top.yaml:7:15), known only once deployed",
        ])
        let literal = try TemplateFolder(["child.yaml": Self.child, "middle.yaml": middle,
                                          "top.yaml": top.replacingOccurrences(of: "!GetAtt Secret.Value", with: "0.0.0.0/0")])
        defer { literal.remove() }
        let decided = try literal.nag(["--rule", "AwsSolutions-EC23", literal.path])
        #expect(decided.report.findingLines == ["child.yaml:14:11 error AwsSolutions-EC23 Group"])
    }

    @Test func theCloudAssemblysNestedStacksAreDecidedWithTheirParentsValues() throws {
        let run = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--rule", "AwsSolutions-EC23", "--skip-rule", "Nag-", AssemblyFixture.path])
        #expect(run.status == 1)
        let report = try JSONReport(run.stdout)
        // Open: 0.0.0.0/0 written in the parent; Internal: the parent VPC's block (complies); Managed: an SSM
        // value, known only once deployed; Edge, two levels down: the literal passed through Network.
        #expect(report.findingLines == [
            "ServiceNetwork7F1FBC97.nested.template.json:26:7 error AwsSolutions-EC23 Open",
            "ServiceNetwork7F1FBC97.nested.template.json:70:17 warning AwsSolutions-EC23 Managed",
            "ServiceNetworkRules294A1688.nested.template.json:9:7 error AwsSolutions-EC23 Edge",
        ])
        let at = try AssemblyFixture.position(of: #""referencetoServiceCidrParam592FD6EDValue": {"#, in: AssemblyFixture.service)
        let column = Int(at.split(separator: ":")[1]).map { $0 + #""referencetoServiceCidrParam592FD6EDValue": "#.count } ?? 0
        #expect(report.findings[1]["message"] as? String == "could not be decided: Ref to parameter referencetoServiceCidrParam592FD6EDValue, "
                + "which is passed Fn::GetAtt CidrParam8E104FAE.Value (\(AssemblyFixture.service):\(at.split(separator: ":")[0]):\(column)), known only once deployed")
    }
}

/// A parameter its parent passes a reference to is unknown with what is passed, even with a `Default`.
@Suite struct UndecidedParameterTests {
    @Test func anUndecidedParameterIsUnknownWithWhatIsPassed() throws {
        let template = try TemplateLoader().load(bytes: Array("Parameters:\n  P:\n    Type: String\n    Default: 10.0.0.0/8\nResources: {}\n".utf8), file: "t.yaml")
        let ref = Value(.intrinsic(Intrinsic(name: .ref, argument: Value(.string("P"), at: Position(line: 1, column: 1)))), at: Position(line: 1, column: 1))
        #expect(Resolver(template: template).resolve(ref).string == "10.0.0.0/8")
        let passed = Resolver(template: template, undecidedParameters: ["P": "Fn::GetAtt Vpc.CidrBlock (parent.yaml:9:7), known only once deployed"])
        #expect(passed.resolve(ref).unresolved?.reason == "Ref to parameter P, which is passed Fn::GetAtt Vpc.CidrBlock (parent.yaml:9:7), known only once deployed")
        // A value given on the command line still wins.
        #expect(Resolver(template: template, parameterValues: ["P": "x"], undecidedParameters: ["P": "y"]).resolve(ref).string == "x")
    }
}
