import Testing
@testable import NagLSP

@Suite struct DiagnosticsTests {
    static let bucket = """
    Resources:
      Logs:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: "logs"
          VersioningConfiguration: {Status: Suspended}
    """

    @Test func publishesFindingsAtTheExactRange() throws {
        var session = TestSession.started(options: ["packs": ["AwsSolutions", "NIST.800.53.R5"]])
        session.open("file:///work/t.yaml", Self.bucket)
        let summary = session.summary("file:///work/t.yaml")
        // Rules that flag the bucket point at its logical id; versioning at the Status key and its value, inside a flow map.
        #expect(summary.contains("AwsSolutions-S1 1 1:2-1:6"))
        #expect(summary.contains("NIST.800.53.R5-S3BucketVersioningEnabled 1 5:32-5:49"))
        let diagnostic = try #require(session.diagnostics("file:///work/t.yaml")?.first { $0["code"] == "AwsSolutions-S1" })
        #expect(diagnostic["source"] == "nag")
        #expect(diagnostic["codeDescription"]?["href"]?.stringValue?.hasSuffix("docs/rules.md#awssolutions") == true)
        #expect(diagnostic["message"]?.stringValue?.hasSuffix("\nLogs (AWS::S3::Bucket)") == true)
        let nist = try #require(session.diagnostics("file:///work/t.yaml")?.first { $0["code"] == "NIST.800.53.R5-S3BucketVersioningEnabled" })
        #expect(nist["codeDescription"]?["href"]?.stringValue?.hasSuffix("#nist80053r5") == true)
        #expect(session.notifications.last?.params["version"] == 1)
    }

    @Test func debouncesChangesAndPublishesTheLatestText() {
        var session = TestSession.started()
        session.open("file:///work/t.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        let published = session.notifications.count
        session.replace("file:///work/t.yaml", Self.bucket, version: 2)
        let first = session.scheduled
        session.replace("file:///work/t.yaml", Self.bucket + "\n", version: 3)
        #expect(session.notifications.count == published)
        // The lint the first change scheduled was superseded by the second.
        if let first { #expect(session.server.lintDue(generation: first).isEmpty) }
        session.debounceEnds()
        #expect(session.notifications.count == published + 1)
        #expect(session.notifications.last?.params["version"] == 3)
        #expect(session.summary("file:///work/t.yaml").contains("AwsSolutions-S1 1 1:2-1:6"))
    }

    @Test func savingPublishesAtOnce() {
        var session = TestSession.started()
        session.open("file:///work/t.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        session.replace("file:///work/t.yaml", Self.bucket, version: 2)
        session.notify("textDocument/didSave", ["textDocument": ["uri": "file:///work/t.yaml"]])
        #expect(session.summary("file:///work/t.yaml").contains("AwsSolutions-S1 1 1:2-1:6"))
    }

    @Test func showsLoadErrorsAtTheirPlaceAndNothingForOtherFiles() {
        var session = TestSession.started()
        session.open("file:///work/t.yaml", "Resources:\n  Bucket:\n    Type: [unclosed\n")
        let broken = session.diagnostics("file:///work/t.yaml") ?? []
        #expect(broken.count == 1)
        #expect(broken.first?["severity"] == 1)
        #expect(broken.first?["code"] == nil)
        session.open("file:///work/ci.yaml", "on: push\njobs:\n  build: {runs-on: ubuntu-latest\n")
        session.open("file:///work/compose.yaml", "services:\n  web:\n    image: nginx\n")
        #expect(session.diagnostics("file:///work/ci.yaml") == [])
        #expect(session.diagnostics("file:///work/compose.yaml") == [])
    }

    @Test func showsUnknownsAsInformationAndSuppressedAsHints() throws {
        let template = """
        Parameters:
          Runtime: {Type: String}
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - id: AwsSolutions-IAM4
                    reason: The managed policy is the documented minimum here.
            Properties:
              Runtime: !Ref Runtime
              Role: arn:aws:iam::123456789012:role/x
              Code: {ZipFile: x}
              Handler: index.handler
        """
        var session = TestSession.started(options: ["packs": ["AwsSolutions", "Serverless"]])
        session.open("file:///work/fn.yaml", template)
        let diagnostics = session.diagnostics("file:///work/fn.yaml") ?? []
        let unknown = try #require(diagnostics.first { $0["code"] == "AwsSolutions-L1" })
        #expect(unknown["severity"] == 3)
        #expect(unknown["message"]?.stringValue?.contains("could not be decided") == true)
        #expect(unknown["message"]?.stringValue?.contains("Runtime") == true)
        session.notify("workspace/didChangeConfiguration", ["settings": ["nag": ["parameters": ["Runtime": "python3.7"]]]])
        let decided = try #require(session.diagnostics("file:///work/fn.yaml")?.first { $0["code"] == "AwsSolutions-L1" })
        #expect(decided["severity"] == 1)
    }

    @Test func suppressedFindingsAreHintsUnlessTurnedOff() throws {
        let template = """
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - id: AwsSolutions-S1
                    reason: This bucket receives the access logs of the others.
        """
        var session = TestSession.started()
        session.open("file:///work/t.yaml", template)
        let hint = try #require(session.diagnostics("file:///work/t.yaml")?.first { $0["code"] == "AwsSolutions-S1" })
        #expect(hint["severity"] == 4)
        #expect(hint["message"]?.stringValue?.hasPrefix("Suppressed: This bucket receives the access logs of the others.") == true)
        #expect(hint["relatedInformation"]?.arrayValue?.first?["location"]?["range"]?["start"] == ["line": 6, "character": 12])
        session.notify("workspace/didChangeConfiguration", ["settings": ["nag": ["showSuppressed": false, "failOn": "none"]]])
        let after = session.diagnostics("file:///work/t.yaml") ?? []
        #expect(!after.contains { $0["code"] == "AwsSolutions-S1" })
        #expect(after.allSatisfy { $0["severity"] == 2 })
        #expect(!after.isEmpty)
    }

    @Test func reportsSettingsThatDoNotWorkAndKeepsThePrevious() {
        var session = TestSession.started()
        session.notify("workspace/didChangeConfiguration", ["settings": ["nag": ["packs": ["NoSuchPack"], "failOn": "sometimes"]]])
        let messages = session.notifications.filter { $0.method == "window/showMessage" }.compactMap { $0.params["message"]?.stringValue }
        #expect(messages.contains { $0.contains("failOn") })
        #expect(messages.contains { $0.contains("NoSuchPack") })
        #expect(session.server.settings.packs == nil)
    }
}
