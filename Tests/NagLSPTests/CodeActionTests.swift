import Testing
@testable import NagLSP

/// "Suppress RULE here": the edit for each shape of metadata, in YAML and JSON, and that the edited template
/// really suppresses the finding.
@Suite struct CodeActionTests {
    /// The edited text after taking the action titled `title` on the diagnostic of `rule`.
    private func suppress(_ rule: String, in text: String, uri: String = "file:///work/t.yaml",
                          title: String? = nil, options: JSONValue = .null) throws -> String {
        var session = TestSession.started(options: options)
        session.open(uri, text)
        let diagnostic = try #require(session.diagnostics(uri)?.first { $0["code"]?.stringValue == rule }, "no \(rule) diagnostic")
        let actions = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": diagnostic["range"] ?? .null,
            "context": ["diagnostics": [diagnostic]],
        ]).get().arrayValue ?? []
        let wanted = title ?? "Suppress \(rule) here"
        let action = try #require(actions.first { $0["title"]?.stringValue == wanted }, "no action \(wanted) among \(actions.map { $0["title"] })")
        #expect(action["kind"] == "quickfix")
        let edits = try #require(action["edit"]?["changes"]?[uri]?.arrayValue)
        let edited = applying(edits, to: text)
        // The edited template loads, and the finding is now suppressed.
        var check = TestSession.started(options: options)
        check.open(uri, edited)
        let after = check.diagnostics(uri) ?? []
        #expect(!after.contains { $0["code"] == nil }, "the edited template has load errors: \(after)")
        #expect(after.contains { $0["code"]?.stringValue == rule && $0["severity"] == 4 },
                "\(rule) is not suppressed after the edit:\n\(edited)")
        return edited
    }

    @Test func yamlResourceWithoutMetadata() throws {
        let text = "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n"
        #expect(try suppress("AwsSolutions-S1", in: text) == """
        Resources:
          Logs:
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - id: AwsSolutions-S1
                    reason: 'TODO: why this finding is acceptable for this resource'
            Type: AWS::S3::Bucket
            Properties:
              BucketName: logs

        """)
    }

    @Test func yamlExistingListKeepsItsDashStyleAndFourSpaceIndent() throws {
        let text = """
        Resources:
            Logs:
                Type: AWS::S3::Bucket
                Metadata:
                    cdk_nag:
                        rules_to_suppress:
                        -   id: AwsSolutions-S10
                            reason: Only CloudFront reads it, over TLS.

        """
        #expect(try suppress("AwsSolutions-S1", in: text) == """
        Resources:
            Logs:
                Type: AWS::S3::Bucket
                Metadata:
                    cdk_nag:
                        rules_to_suppress:
                        -   id: AwsSolutions-S1
                            reason: 'TODO: why this finding is acceptable for this resource'
                        -   id: AwsSolutions-S10
                            reason: Only CloudFront reads it, over TLS.

        """)
    }

    @Test func yamlMetadataWithoutCdkNagAndAGranularFinding() throws {
        let text = """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Metadata:
              aws:cdk:path: Stack/Role/Resource
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              Policies:
                - PolicyName: p
                  PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}

        """
        let edited = try suppress("AwsSolutions-IAM5", in: text, title: "Suppress AwsSolutions-IAM5[Action::s3:*] here")
        #expect(edited.contains("""
            Metadata:
              cdk_nag:
                rules_to_suppress:
                  - id: AwsSolutions-IAM5
                    reason: 'TODO: why this finding is acceptable for this resource'
                    applies_to:
                      - 'Action::s3:*'
              aws:cdk:path: Stack/Role/Resource

        """))
    }

    @Test func jsonAsCdkWritesIt() throws {
        let text = """
        {
         "Resources": {
          "Logs": {
           "Type": "AWS::S3::Bucket",
           "Metadata": {
            "aws:cdk:path": "Stack/Logs/Resource"
           }
          }
         }
        }
        """
        #expect(try suppress("AwsSolutions-S1", in: text, uri: "file:///work/t.json") == """
        {
         "Resources": {
          "Logs": {
           "Type": "AWS::S3::Bucket",
           "Metadata": {
            "cdk_nag": {
             "rules_to_suppress": [
              {
               "id": "AwsSolutions-S1",
               "reason": "TODO: why this finding is acceptable for this resource"
              }
             ]
            },
            "aws:cdk:path": "Stack/Logs/Resource"
           }
          }
         }
        }
        """)
    }

    @Test func jsonExistingListAndJsonWithoutMetadata() throws {
        let existing = """
        {"Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Metadata": {"cdk_nag": {"rules_to_suppress": [{"id": "AwsSolutions-S10", "reason": "Only CloudFront reads it, over TLS."}]}}}}}
        """
        #expect(try suppress("AwsSolutions-S1", in: existing, uri: "file:///work/t.json") == """
        {"Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Metadata": {"cdk_nag": {"rules_to_suppress": [{"id": "AwsSolutions-S1", "reason": "TODO: why this finding is acceptable for this resource"}, {"id": "AwsSolutions-S10", "reason": "Only CloudFront reads it, over TLS."}]}}}}}
        """)
        let bare = "{\n  \"Resources\": {\n    \"Logs\": {\n      \"Type\": \"AWS::S3::Bucket\"\n    }\n  }\n}\n"
        #expect(try suppress("AwsSolutions-S1", in: bare, uri: "file:///work/t.json") == """
        {
          "Resources": {
            "Logs": {
              "Metadata": {
                "cdk_nag": {
                  "rules_to_suppress": [
                    {
                      "id": "AwsSolutions-S1",
                      "reason": "TODO: why this finding is acceptable for this resource"
                    }
                  ]
                }
              },
              "Type": "AWS::S3::Bucket"
            }
          }
        }

        """)
    }

    @Test func anUnknownIsSuppressedAsAValidationFailure() throws {
        let text = "Parameters:\n  Runtime: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: !Ref Runtime\n"
        let edited = try suppress("AwsSolutions-L1", in: text, title: "Suppress AwsSolutions-L1 here (undecided, as CdkNagValidationFailure)")
        #expect(edited.contains(
            "          - id: CdkNagValidationFailure\n            reason: 'TODO: why this finding is acceptable for this resource'\n"
                + "            applies_to:\n              - AwsSolutions-L1\n    Type: AWS::Lambda::Function\n"))
    }

    @Test func offersNothingForSuppressedFindingsOrOutsideTheRange() throws {
        var session = TestSession.started()
        session.open("file:///work/t.yaml", "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n\n\n")
        let none = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": "file:///work/t.yaml"],
            "range": ["start": ["line": 3, "character": 0], "end": ["line": 4, "character": 0]], "context": ["diagnostics": []],
        ]).get()
        #expect(none == [])
        let onlyRefactors = try session.request("textDocument/codeAction", [
            "textDocument": ["uri": "file:///work/t.yaml"],
            "range": ["start": ["line": 1, "character": 2], "end": ["line": 1, "character": 2]], "context": ["diagnostics": [], "only": ["refactor"]],
        ]).get()
        #expect(onlyRefactors == [])
    }

    @Test func hoverExplainsTheRuleAtTheCursor() throws {
        var session = TestSession.started()
        session.open("file:///work/t.yaml", "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n")
        let hover = try session.request("textDocument/hover", ["textDocument": ["uri": "file:///work/t.yaml"], "position": ["line": 1, "character": 4]]).get()
        let text = try #require(hover["contents"]?["value"]?.stringValue)
        #expect(hover["contents"]?["kind"] == "markdown")
        #expect(text.hasPrefix("**AwsSolutions-S1** (error): "))
        #expect(text.contains("**Why:**"))
        #expect(text.contains("**Fix:**"))
        #expect(text.contains("**AwsSolutions-S10** (error)"))
        #expect(hover["range"] == ["start": ["line": 1, "character": 2], "end": ["line": 1, "character": 6]])
        let nothing = try session.request("textDocument/hover", ["textDocument": ["uri": "file:///work/t.yaml"], "position": ["line": 2, "character": 4]]).get()
        #expect(nothing == .null)
    }
}
