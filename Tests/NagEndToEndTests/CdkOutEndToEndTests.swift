import Foundation
import Testing

/// `nag cdk.out/` on the fixture synthesized by CDK, through the binary: every finding, every exit code.
@Suite struct CdkOutEndToEndTests {
    /// Every finding of the default packs, suppressed ones included, in report order.
    static let findings = [
        "Service.template.json:3:3 suppressed AwsSolutions-S1 SharedDACC02AA",
        "Service.template.json:86:3 error AwsSolutions-VPC7 Vpc",
        "Service.template.json:177:6 suppressed AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole] HandlerServiceRoleFCDC14AE",
        "Service.template.json:227:9 suppressed AwsSolutions-IAM5[Action::s3:GetObject*] HandlerServiceRoleDefaultPolicyCBD0CC91",
        "Service.template.json:228:9 suppressed AwsSolutions-IAM5[Action::s3:GetBucket*] HandlerServiceRoleDefaultPolicyCBD0CC91",
        "Service.template.json:229:9 suppressed AwsSolutions-IAM5[Action::s3:List*] HandlerServiceRoleDefaultPolicyCBD0CC91",
        "Service.template.json:239:9 suppressed AwsSolutions-IAM5[Resource::<SharedDACC02AA.Arn>/*] HandlerServiceRoleDefaultPolicyCBD0CC91",
        "Service.template.json:310:5 error AwsSolutions-L1 Handler886CB40B",
        "ServiceNetwork7F1FBC97.nested.template.json:26:7 error AwsSolutions-EC23 Open",
        "ServiceNetwork7F1FBC97.nested.template.json:70:17 warning AwsSolutions-EC23 Managed",
        "ServiceNetwork7F1FBC97.nested.template.json:125:20 suppressed AwsSolutions-IAM5[Resource::<referencetoServiceShared2CA94D5EArn>/*] ReaderDefaultPolicy151F3818",
        "ServiceNetworkRules294A1688.nested.template.json:9:7 error AwsSolutions-EC23 Edge",
        "ServiceNetworkRules294A1688.nested.template.json:64:20 suppressed AwsSolutions-IAM5[Resource::<referencetoServiceShared2CA94D5EArn>/*] WriterDefaultPolicyDC585BCE",
        "ProdConsumerB9729712.template.json:42:20 suppressed AwsSolutions-IAM5[Resource::Prod-Producer:ExportsOutputFnGetAttSharedDACC02AAArnC693039C/*] ReaderDefaultPolicy151F3818",
        "ProdConsumerB9729712.template.json:79:3 suppressed AwsSolutions-SQS3 JobsDF1CC2D4",
    ]

    @Test func everyFindingOfTheAssembly() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", AssemblyFixture.path])
        #expect(result.status == 1)
        let report = try JSONReport(result.stdout)
        #expect(report.findingLines == Self.findings)
        #expect(report.diagnostics.isEmpty)
    }

    @Test func theTextReportGroupsFindingsByStack() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--no-color", AssemblyFixture.path])
        #expect(result.status == 1)
        // Detail lines (indented) are the checks' own; the stack headings and the finding lines are pinned.
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("    ") }
            .map { $0.replacingOccurrences(of: AssemblyFixture.path + "/", with: "") }
        #expect(lines == [
            "stack Service",
            "Service.template.json:86:3: error AwsSolutions-VPC7 Vpc (Service/Vpc): The VPC has no flow log.",
            "Service.template.json:310:5: error AwsSolutions-L1 Handler886CB40B (Service/Handler/Resource): The Lambda function does not use the latest runtime of its language.",
            "",
            "stack ServiceNetwork7F1FBC97",
            "ServiceNetwork7F1FBC97.nested.template.json:26:7: error AwsSolutions-EC23 Open (Service/Network/Open): The security group admits inbound traffic from 0.0.0.0/0 or ::/0.",
            "ServiceNetwork7F1FBC97.nested.template.json:70:17: warning AwsSolutions-EC23 Managed (Service/Network/Managed): could not be decided: "
                + "Ref to parameter referencetoServiceCidrParam592FD6EDValue, which is passed Fn::GetAtt CidrParam8E104FAE.Value "
                + "(Service.template.json:118:50), known only once deployed",
            "",
            "stack ServiceNetworkRules294A1688",
            "ServiceNetworkRules294A1688.nested.template.json:9:7: error AwsSolutions-EC23 Edge (Service/Network/Rules/Edge): The security group admits inbound traffic from 0.0.0.0/0 or ::/0.",
            "",
            "nag: 4 errors, 1 warning (1 of these undecided), 10 suppressed in 5 templates",
            "",
        ])
    }

    @Test func stacksOfAStageAreHeadedWithTheirConstructPath() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--no-color", "--show-suppressed", AssemblyFixture.path])
        #expect(result.stdout.contains("\nstack Prod-Consumer (Prod/Consumer)\n\(AssemblyFixture.consumer):42:20: suppressed AwsSolutions-IAM5"))
    }

    @Test func aPlainTemplateHasNoStackHeading() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--no-color", AssemblyFixture.service])
        #expect(result.stdout.hasPrefix("\(AssemblyFixture.service):86:3: error AwsSolutions-VPC7 Vpc"))
        #expect(!result.stdout.contains("stack "))
    }

    @Test func exitCodes() throws {
        let path = AssemblyFixture.path
        #expect(try TestPaths.run(TestPaths.nagBinary, [path]).status == 1)
        #expect(try TestPaths.run(TestPaths.nagBinary, ["--fail-on", "none", path]).status == 0)
        // The errors left are real ones; without their rules every suppression holds and nothing is reported.
        let fixed = try TestPaths.run(TestPaths.nagBinary, ["--skip-rule", "AwsSolutions-VPC7", "--skip-rule", "AwsSolutions-L1",
                                                            "--skip-rule", "AwsSolutions-EC23", path])
        #expect(fixed.status == 0)
        #expect(fixed.stdout == "nag: 0 errors, 0 warnings, 10 suppressed in 5 templates\n")
        // The warning fails a stricter gate; the asset folder never makes it exit 2.
        #expect(try TestPaths.run(TestPaths.nagBinary, ["--fail-on", "warning", "--skip-rule", "AwsSolutions-VPC7",
                                                        "--skip-rule", "AwsSolutions-L1", path]).status == 1)
    }

    @Test func auditModeShowsEverySuppressedFinding() throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "json", "--ignore-suppressions", AssemblyFixture.path])
        #expect(result.status == 1)
        let lines = try JSONReport(result.stdout).findingLines
        #expect(lines == Self.findings.map { $0.replacingOccurrences(of: " suppressed ", with: " error ") })
    }
}

/// `--format csv --output-dir DIR`: cdk-nag 2's reports, one per pack and stack.
@Suite struct StackReportTests {
    static let stacks = ["Service", "ServiceNetwork7F1FBC97", "ServiceNetworkRules294A1688", "Prod-Consumer", "Prod-Producer"]

    func reports(_ arguments: [String]) throws -> (status: Int32, folder: String, files: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-reports-\(UUID().uuidString)").path
        let result = try TestPaths.run(TestPaths.nagBinary, ["--format", "csv", "--output-dir", folder] + arguments)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return (result.status, folder, files.sorted())
    }

    @Test func oneReportPerPackAndStack() throws {
        let run = try reports(["--pack", "AwsSolutions", "--skip-rule", "Nag-", AssemblyFixture.path])
        defer { try? FileManager.default.removeItem(atPath: run.folder) }
        #expect(run.status == 1)
        #expect(run.files == Self.stacks.map { "AwsSolutions-\($0)-NagReport.csv" }.sorted())
        let nested = try String(contentsOfFile: run.folder + "/AwsSolutions-ServiceNetworkRules294A1688-NagReport.csv", encoding: .utf8)
        #expect(nested.split(separator: "\n").first == "Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info")
        #expect(nested.contains(#""AwsSolutions-EC23","Service/Network/Rules/Edge","Non-Compliant","N/A","Error","The security group admits inbound traffic from 0.0.0.0/0 or ::/0.""#))
        #expect(nested.contains(#""AwsSolutions-IAM5[Resource::<referencetoServiceShared2CA94D5EArn>/*]","Service/Network/Rules/Writer/DefaultPolicy/Resource","Suppressed","[Resource::<referencetoServiceShared2CA94D5EArn>/*] The writer may put any object into the shared bucket.","Error","The IAM policy allows wildcard actions or resources.""#))
        let producer = try String(contentsOfFile: run.folder + "/AwsSolutions-Prod-Producer-NagReport.csv", encoding: .utf8)
        #expect(!producer.contains("Non-Compliant"))
        #expect(producer.contains(#""AwsSolutions-S1","Prod/Producer/Shared/Resource","Compliant","N/A","Error""#))
    }

    @Test func theReportsTogetherHoldTheRowsOfTheSingleReport() throws {
        let run = try reports([AssemblyFixture.path])
        defer { try? FileManager.default.removeItem(atPath: run.folder) }
        #expect(run.files.count == Self.stacks.count * 3, "AwsSolutions, Edge and Nag for each stack: \(run.files)")
        var split: [Substring] = []
        for file in run.files {
            let text = try String(contentsOfFile: run.folder + "/" + file, encoding: .utf8)
            split += text.split(separator: "\n").dropFirst()
        }
        let single = try TestPaths.run(TestPaths.nagBinary, ["--format", "csv", AssemblyFixture.path])
        // The report of several templates adds a File column after cdk-nag's six; the per-stack files have none.
        let rows = single.stdout.split(separator: "\n").dropFirst().map { row in
            row.range(of: ",\"", options: .backwards).map { row[..<$0.lowerBound] } ?? row
        }
        #expect(split.sorted() == rows.sorted())
        #expect(!rows.isEmpty)
    }

    @Test func aFileOutsideAnAssemblyIsNamedAfterItsFile() throws {
        let run = try reports(["--pack", "AwsSolutions", AssemblyFixture.producer])
        defer { try? FileManager.default.removeItem(atPath: run.folder) }
        #expect(run.files == ["AwsSolutions-ProdProducer15E88541-NagReport.csv", "Nag-ProdProducer15E88541-NagReport.csv"])
    }

    @Test(arguments: [["--format", "json"], ["--format", "csv", "--output", "/tmp/one.csv"]])
    func theOutputFolderIsForCSVReportsAlone(extra: [String]) throws {
        let result = try TestPaths.run(TestPaths.nagBinary, ["--output-dir", "/tmp/nag-never-written"] + extra + [AssemblyFixture.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output-dir"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/nag-never-written"))
    }
}
