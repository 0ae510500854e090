import Foundation
import Testing
@testable import NagRules

/// The loaders count the references a document's intrinsic functions write, so the graph allocates its list of
/// references once instead of doubling it (doubling held the old and new storage at once: the peak of a large
/// template's loading). The estimate must never be short for a template loaded as written (YAML aliases
/// included), or the list grows after all; without one the graph must still record every reference.
@Suite struct ReferenceEstimateTests {
    /// Every spelling of a reference, in YAML: short and long forms, `Fn::Sub` with several names and with a
    /// variable map, `Fn::If`, `Condition` and `DependsOn` attributes, and a `Fn::Join` that references nothing.
    static let yaml = """
        Parameters:
          Env: {Type: String}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Key:
            Type: AWS::KMS::Key
          Bucket:
            Type: AWS::S3::Bucket
            Condition: IsProd
            DependsOn: [Key, Missing]
            Properties:
              BucketName: !Sub "${AWS::StackName}-${Env}-data"
              KmsKeyId: !GetAtt Key.Arn
              Tags:
                - Key: stage
                  Value: !If [IsProd, prod, dev]
                - Key: owner
                  Value: {Ref: Env}
                - Key: arn
                  Value: !Sub ["${Prefix}-${Key.Arn}", {Prefix: !Ref "AWS::Region"}]
                - Key: joined
                  Value: !Join ["", [a, b]]
        Outputs:
          Arn:
            Condition: IsProd
            Value: {"Fn::GetAtt": [Bucket, Arn]}
        """

    /// The same template in JSON.
    static let json = """
        {"Parameters": {"Env": {"Type": "String"}},
         "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
         "Resources": {
           "Key": {"Type": "AWS::KMS::Key"},
           "Bucket": {"Type": "AWS::S3::Bucket", "Condition": "IsProd", "DependsOn": ["Key", "Missing"],
             "Properties": {
               "BucketName": {"Fn::Sub": "${AWS::StackName}-${Env}-data"},
               "KmsKeyId": {"Fn::GetAtt": "Key.Arn"},
               "Tags": [
                 {"Key": "stage", "Value": {"Fn::If": ["IsProd", "prod", "dev"]}},
                 {"Key": "owner", "Value": {"Ref": "Env"}},
                 {"Key": "arn", "Value": {"Fn::Sub": ["${Prefix}-${Key.Arn}", {"Prefix": {"Ref": "AWS::Region"}}]}},
                 {"Key": "joined", "Value": {"Fn::Join": ["", ["a", "b"]]}}]}}},
         "Outputs": {"Arn": {"Condition": "IsProd", "Value": {"Fn::GetAtt": ["Bucket", "Arn"]}}}}
        """

    private func load(_ text: String, format: TemplateFormat) throws -> Template {
        try TemplateLoader().load(bytes: Array(text.utf8), file: "t", format: format)
    }

    @Test(arguments: [TemplateFormat.yaml, .json])
    func countsEachSpellingOfAReference(format: TemplateFormat) throws {
        let template = try load(format == .yaml ? Self.yaml : Self.json, format: format)
        // Ref Env, two names of the first Sub, GetAtt, If, the long-form Ref, two names of the second Sub (one
        // of them its own variable), its Ref, the output's GetAtt.
        #expect(template.referenceEstimate == 10)
        // Plus the Condition and the two DependsOn names of the bucket, and the output's Condition.
        #expect(GraphBuilder.capacity(for: template) == 14)
        // Recorded: all of them but the second Sub's own variable.
        let graph = ResourceGraph(template: template)
        #expect(graph.references.count == 13)
    }

    @Test func aliasesCountTheirAnchorsReferences() throws {
        // The anchored Ref is written once and used three times; the anchored map holds two references and is
        // merged into a third queue: every use counts.
        let text = """
            Resources:
              Key:
                Type: AWS::KMS::Key
              A:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: &key !Ref Key
              B:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: *key
              C:
                Type: AWS::SQS::Queue
                Properties: &properties
                  KmsMasterKeyId: *key
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt A.Arn}
              D:
                Type: AWS::SQS::Queue
                Properties:
                  <<: *properties
                  MessageRetentionPeriod: 60
            """
        let template = try load(text, format: .yaml)
        #expect(template.referenceEstimate == 6)
        let graph = ResourceGraph(template: template)
        #expect(graph.references.map(\.source.name) == ["A", "B", "C", "C", "D", "D"])
        #expect(graph.references(to: .resource("Key")).count == 4)
        #expect(GraphBuilder.capacity(for: template) == 6)
    }

    @Test func aRunawayEstimateIsNotReserved() throws {
        // 1,000 `${!a}` (literals, no reference) in one anchored Fn::Sub, used 3,000 times in the template's
        // metadata (which the graph does not walk): an estimate of three million, and not one reference.
        let sub = String(repeating: "${!a}", count: 1_000)
        let text = "Metadata:\n  Texts:\n    - &s !Sub \"\(sub)\"\n" + String(repeating: "    - *s\n", count: 2_999)
            + "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
        let template = try load(text, format: .yaml)
        #expect(template.referenceEstimate == 3_000_000)
        let graph = ResourceGraph(template: template)
        #expect(graph.references.isEmpty)
        #expect(graph.references.capacity < GraphBuilder.reservationLimit * 3 / 2)
    }

    @Test func templatesBuiltWithoutAnEstimateStillRecordEveryReference() throws {
        let loaded = try load(Self.yaml, format: .yaml)
        let rebuilt = Template(
            file: loaded.file, root: loaded.root, formatVersion: loaded.formatVersion, description: loaded.description,
            metadata: loaded.metadata, parameters: loaded.parameters, mappings: loaded.mappings,
            conditions: loaded.conditions, transform: loaded.transform, rules: loaded.rules,
            resources: loaded.resources, outputs: loaded.outputs, diagnostics: loaded.diagnostics)
        #expect(rebuilt.referenceEstimate == nil)
        #expect(GraphBuilder.capacity(for: rebuilt) == nil)
        #expect(ResourceGraph(template: rebuilt).references == ResourceGraph(template: loaded).references)
    }

    @Test func expandedServerlessTemplatesHaveNoEstimate() throws {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
            """
        let template = try load(text, format: .yaml)
        #expect(template.referenceEstimate != nil)
        let expanded = template.expandingServerlessResources()
        #expect(expanded.referenceEstimate == nil)
        // The generated role is referenced by the function all the same.
        #expect(!ResourceGraph(template: expanded).references.isEmpty)
    }

    /// Every template among the test fixtures: loaded as written, the estimate is never short, so the graph's
    /// list of references is allocated once.
    @Test func neverShortForTheFixtures() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".template") }
            .sorted() ?? []
        var checked = 0
        for file in files {
            guard let template = try? TemplateLoader().load(path: root.appendingPathComponent(file).path),
                  !template.resources.isEmpty else { continue }
            let capacity = try #require(GraphBuilder.capacity(for: template))
            let recorded = ResourceGraph(template: template).references.count
            #expect(recorded <= capacity, "\(file): \(recorded) references, room for \(capacity)")
            checked += 1
        }
        #expect(checked >= 15)
    }
}
