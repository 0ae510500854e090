import Foundation
import NagRules
import NagTesting
import Testing

/// A folder that is a cloud assembly is read through its manifest: its stacks, the stacks of its Stages'
/// assemblies and the nested stacks they deploy; never its asset folders.
@Suite struct CloudAssemblyTests {
    static let stacks = [AssemblyFixture.service, AssemblyFixture.network, AssemblyFixture.rules,
                         AssemblyFixture.consumer, AssemblyFixture.producer]

    @Test func theAssemblyIsReadThroughItsManifestAndNothingElse() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", AssemblyFixture.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONReport(result.stdout)
        // Each stack followed by the stacks it nests; the asset folder (tsconfig.json with comments, a
        // two-document manifest, a SAM template) is never read.
        #expect(report.files == Self.stacks)
        #expect(report.diagnostics.isEmpty)
        #expect(!result.stdout.contains("asset."))
    }

    @Test func aTrailingSlashNamesTheSameStacks() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", AssemblyFixture.path + "/"])
        #expect(result.status == 0)
        #expect(try JSONReport(result.stdout).files == Self.stacks)
    }

    @Test func anAssemblyInsideASearchedFolderIsReadThroughItsManifest() throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        let project = (fixture.root as NSString).deletingLastPathComponent
        try #"{"Resources":{"Data":{"Type":"AWS::S3::Bucket"}}}"#.write(toFile: project + "/infra.json", atomically: true, encoding: .utf8)
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", project])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try JSONReport(result.stdout).files.map { String($0.dropFirst(project.count + 1)) }
        #expect(names == ["cdk.out/Service.template.json", "cdk.out/ServiceNetwork7F1FBC97.nested.template.json",
                          "cdk.out/ServiceNetworkRules294A1688.nested.template.json",
                          "cdk.out/assembly-Prod/ProdConsumerB9729712.template.json",
                          "cdk.out/assembly-Prod/ProdProducer15E88541.template.json", "infra.json"])
    }

    @Test func aStageManifestThatIsNotJSONIsALocatedErrorAndTheOtherStacksAreChecked() throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        try fixture.replace(#""artifacts": {"#, with: #""artifacts": {,"#, in: "assembly-Prod/manifest.json")
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", fixture.root])
        #expect(result.status == 2)
        let report = try JSONReport(result.stdout)
        #expect(report.files == [fixture.file("Service.template.json"), fixture.file("ServiceNetwork7F1FBC97.nested.template.json"),
                                 fixture.file("ServiceNetworkRules294A1688.nested.template.json")])
        // The comma after the brace, on the line that opens the artifacts.
        let at = try AssemblyFixture.position(of: #"{,"#, in: fixture.file("assembly-Prod/manifest.json"))
        let column = Int(at.split(separator: ":")[1]) ?? 0
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.hasPrefix(
            "\(fixture.file("assembly-Prod/manifest.json")):3:\(column + 1): error: the cloud assembly manifest is not valid JSON: ") == true,
            "\(report.diagnostics)")
    }

    @Test func aMissingStackTemplateIsAnErrorAtTheManifestAndTheOtherStacksAreChecked() throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.file("assembly-Prod/ProdConsumerB9729712.template.json"))
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", fixture.root])
        #expect(result.status == 2)
        let report = try JSONReport(result.stdout)
        #expect(report.files.count == 4)
        #expect(!report.files.contains(fixture.file("assembly-Prod/ProdConsumerB9729712.template.json")))
        let manifest = fixture.file("assembly-Prod/manifest.json")
        let at = try AssemblyFixture.position(of: #""ProdConsumerB9729712.template.json""#, in: manifest)
        #expect(report.diagnostics == [
            "\(manifest):\(at): error: stack Prod-Consumer: its template ProdConsumerB9729712.template.json does not exist",
        ])
    }

    @Test func aMissingNestedStackTemplateIsAnErrorWhereTheParentNamesIt() throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(atPath: fixture.file("ServiceNetworkRules294A1688.nested.template.json"))
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", fixture.root])
        #expect(result.status == 2)
        let report = try JSONReport(result.stdout)
        let parent = fixture.file("ServiceNetwork7F1FBC97.nested.template.json")
        let at = try AssemblyFixture.position(of: #""ServiceNetworkRules294A1688.nested.template.json""#, in: parent)
        #expect(report.diagnostics == [
            "\(parent):\(at): error: nested stack RulesNestedStackRulesNestedStackResourceDE381EB8: its template ServiceNetworkRules294A1688.nested.template.json does not exist",
        ])
        #expect(report.files.count == 4)
    }

    @Test func aTopLevelManifestThatIsNotJSONIsAnErrorWhenCDKMarkedTheFolder() throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        try fixture.write("manifest.json", "{ not json")
        let result = try TestPaths.run(TestPaths.nagBinary, [fixture.root])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(fixture.file("manifest.json")):1:3: error: the cloud assembly manifest is not valid JSON: "))
        #expect(result.stdout.contains("in 0 templates"), "no file of the broken assembly is read as a template")
    }

    @Test func anAssemblyWithoutItsNestedStackMetadataFindsTheTemplateThroughTheAssetManifest() throws {
        // `app.synth()` outside the CDK CLI writes no aws:asset:path: the TemplateURL's object key leads to the file.
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        try fixture.replace(#""aws:asset:path": "ServiceNetwork7F1FBC97.nested.template.json","#, with: "", in: "Service.template.json")
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--fail-on", "none", fixture.root])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try JSONReport(result.stdout).files.map { ($0 as NSString).lastPathComponent } == Self.stacks.map { ($0 as NSString).lastPathComponent })
    }

    @Test func aCopiedAssetFolderNeverFailsTheRun() throws {
        // The asset folder holds a tsconfig.json with comments and a two-document YAML file: nag exits 0 or 1, never 2.
        let result = try TestPaths.run(TestPaths.nagBinary, ["--fail-on", "none", AssemblyFixture.path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("could not be loaded"))
    }

    @Test func theLibraryReadsAnAssemblyWithStackNames() throws {
        let assembly = try #require(CloudAssembly.read(AssemblyFixture.path))
        #expect(assembly.problems.isEmpty)
        #expect(assembly.sources.map(\.name) == [AssemblyFixture.service, AssemblyFixture.consumer, AssemblyFixture.producer])
        #expect(assembly.sources.map { $0.stack?.name } == ["Service", "Prod-Consumer", "Prod-Producer"])
        #expect(assembly.sources.map { $0.stack?.displayName } == ["Service", "Prod/Consumer", "Prod/Producer"])
    }

    @Test func aStackTemplateInATestBringsItsNestedStacks() throws {
        // The README's NagTesting example: the Service stack's errors include its nested stacks' (EC23, decided
        // with the values Service passes).
        let findings = try nagFindings(templateAt: AssemblyFixture.service, packs: ["AwsSolutions"])
        #expect(findings.findings.map { "\(($0.location.file as NSString).lastPathComponent) \($0.ruleId) \($0.resource.logicalId)" } == [
            "Service.template.json AwsSolutions-VPC7 Vpc", "Service.template.json AwsSolutions-L1 Handler886CB40B",
            "ServiceNetwork7F1FBC97.nested.template.json AwsSolutions-EC23 Open",
            "ServiceNetworkRules294A1688.nested.template.json AwsSolutions-EC23 Edge",
        ])
    }

    @Test func theWholeAssemblyThroughTheLibrary() throws {
        let assembly = try #require(CloudAssembly.read(AssemblyFixture.path))
        let report = try Linter().run(assembly.sources, inputProblems: assembly.problems)
        #expect(report.outcome(failOn: .error) == .findings)
        #expect(report.files.count == 5)
    }

    @Test(arguments: [
        ("cdk.out/ServiceNetwork7F1FBC97.nested.template.json", "ServiceNetwork7F1FBC97"),
        ("cdk.out/Service.template.json", "Service"), ("infra/network.yaml", "network"), ("stack", "stack"),
    ])
    func aTemplateFileNamesItsStack(path: String, name: String) {
        #expect(StackIdentity(templatePath: path).name == name)
    }
}
