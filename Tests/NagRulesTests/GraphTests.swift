import Testing
@testable import NagRules

/// A template written one construct per line, so positions can be found in the text itself.
private let graphTemplate = """
    {
    "Parameters": {"Env": {"Type": "String"}, "Names": {"Type": "CommaDelimitedList", "Default": "a,b"}},
    "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}, "Both": {"Fn::And": [{"Condition": "IsProd"}, {"Condition": "Nope"}]}},
    "Resources": {
    "Bucket": {"Type": "AWS::S3::Bucket", "Condition": "IsProd", "Properties": {"Tags": [{"Key": "k", "Value": {"Ref": "Env"}}]}},
    "Policy": {"Type": "AWS::S3::BucketPolicy", "DependsOn": "Queue", "Properties": {"Bucket": {"Ref": "Bucket"}, "PolicyDocument": {"Fn::GetAtt": "Bucket.Arn"}}},
    "Queue": {"Type": "AWS::SQS::Queue", "DependsOn": ["Bucket", "Ghost"], "Properties": {"QueueName": {"Fn::Sub": "${Env}-${Bucket.Arn}-${!Literal}-${AWS::Region}"}}},
    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": ["${Name}-${Queue}", {"Name": {"Ref": "Bucket"}, "Other": {"Fn::GetAtt": ["Queue", "Arn"]}}]}, "DisplayName": {"Fn::If": ["IsProd", {"Ref": "AWS::StackName"}, {"Ref": "Missing"}]}}},
    "Policy2": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Fn::Sub": "${Bucket}"}}}
    },
    "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Bucket", "Arn"]}, "Condition": "IsProd"}}
    }
    """

/// Where the `occurrence`-th (1-based) `needle` starts on `line` of the template, columns in Unicode scalars.
private func find(_ needle: String, line: Int, occurrence: Int = 1, in text: String = graphTemplate) -> Position {
    let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    var rest = lineText[...]
    var found: Substring.Index?
    for _ in 0..<occurrence {
        guard let range = rest.firstRange(of: needle) else {
            Issue.record("\(needle) not found \(occurrence) times on line \(line)")
            return Position(line: 0, column: 0)
        }
        found = range.lowerBound
        rest = rest[range.upperBound...]
    }
    return Position(line: line, column: lineText.unicodeScalars[..<found!].count + 1)
}

private func makeGraph(_ text: String = graphTemplate) throws -> ResourceGraph {
    let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "graph.json", format: .json)
    #expect(template.diagnostics.isEmpty)
    return ResourceGraph(template: template)
}

/// One edge as a line, for whole-list comparisons.
private func describe(_ reference: Reference) -> String {
    "\(reference.source) -> \(reference.target) [\(reference.kind.label)] @\(reference.path) \(reference.position)"
}

private func edge(_ source: GraphNode, _ target: GraphNode, _ kind: String, _ path: String, _ position: Position) -> String {
    "\(source) -> \(target) [\(kind)] @\(path) \(position)"
}

@Suite struct GraphTests {
    @Test func everyEdgeWithItsKindPathAndPosition() throws {
        let graph = try makeGraph()
        let pseudo = { GraphNode(.pseudoParameter, $0) }
        let missing = { GraphNode(.missing, $0) }
        let expected = [
            // Bucket: the Condition attribute, a Ref deep in a list of maps.
            edge(.resource("Bucket"), .condition("IsProd"), "Condition", "Condition", find("\"IsProd\"", line: 5)),
            edge(.resource("Bucket"), .parameter("Env"), "Ref", "Properties.Tags[0].Value", find("{\"Ref\": \"Env\"}", line: 5)),
            // Policy: DependsOn as a string, Ref, GetAtt in its string form.
            edge(.resource("Policy"), .resource("Queue"), "DependsOn", "DependsOn", find("\"Queue\"", line: 6)),
            edge(.resource("Policy"), .resource("Bucket"), "Ref", "Properties.Bucket", find("{\"Ref\": \"Bucket\"}", line: 6)),
            edge(.resource("Policy"), .resource("Bucket"), "GetAtt Arn", "Properties.PolicyDocument", find("{\"Fn::GetAtt\"", line: 6)),
            // Queue: DependsOn as a list (one name dangling), Sub with a parameter, an attribute, a pseudo parameter;
            // `${!Literal}` is text, not a reference.
            edge(.resource("Queue"), .resource("Bucket"), "DependsOn", "DependsOn", find("\"Bucket\"", line: 7)),
            edge(.resource("Queue"), missing("Ghost"), "DependsOn", "DependsOn", find("\"Ghost\"", line: 7)),
            edge(.resource("Queue"), .parameter("Env"), "Sub", "Properties.QueueName", find("\"${Env}", line: 7)),
            edge(.resource("Queue"), .resource("Bucket"), "Sub Arn", "Properties.QueueName", find("\"${Env}", line: 7)),
            edge(.resource("Queue"), pseudo("AWS::Region"), "Sub", "Properties.QueueName", find("\"${Env}", line: 7)),
            // Topic: Sub's variable map values are walked (under the variable's name); the variable itself is
            // not an edge; Fn::If names a condition, and each branch has its index.
            edge(.resource("Topic"), .resource("Bucket"), "Ref", "Properties.TopicName.Name", find("{\"Ref\": \"Bucket\"}", line: 8)),
            edge(.resource("Topic"), .resource("Queue"), "GetAtt Arn", "Properties.TopicName.Other", find("{\"Fn::GetAtt\"", line: 8)),
            edge(.resource("Topic"), .resource("Queue"), "Sub", "Properties.TopicName", find("\"${Name}", line: 8)),
            edge(.resource("Topic"), .condition("IsProd"), "Condition", "Properties.DisplayName", find("\"IsProd\"", line: 8)),
            edge(.resource("Topic"), pseudo("AWS::StackName"), "Ref", "Properties.DisplayName[1]", find("{\"Ref\": \"AWS::StackName\"}", line: 8)),
            edge(.resource("Topic"), missing("Missing"), "Ref", "Properties.DisplayName[2]", find("{\"Ref\": \"Missing\"}", line: 8)),
            edge(.resource("Policy2"), .resource("Bucket"), "Sub", "Properties.Bucket", find("\"${Bucket}\"", line: 9)),
            // Conditions: a Ref inside Fn::Equals, Condition intrinsics inside Fn::And (one undefined).
            edge(.condition("IsProd"), .parameter("Env"), "Ref", "[0]", find("{\"Ref\": \"Env\"}", line: 3)),
            edge(.condition("Both"), .condition("IsProd"), "Condition", "[0]", find("{\"Condition\": \"IsProd\"}", line: 3)),
            edge(.condition("Both"), missing("Nope"), "Condition", "[1]", find("{\"Condition\": \"Nope\"}", line: 3)),
            // Outputs.
            edge(.output("Arn"), .resource("Bucket"), "GetAtt Arn", "Value", find("{\"Fn::GetAtt\"", line: 11)),
            edge(.output("Arn"), .condition("IsProd"), "Condition", "Condition", find("\"IsProd\"", line: 11)),
        ]
        let actual = graph.references.map(describe)
        #expect(actual.count == expected.count)
        for (index, line) in expected.enumerated() where index < actual.count {
            #expect(actual[index] == line)
        }
        #expect(!actual.contains { $0.contains("Literal") })
    }

    @Test func nodes() throws {
        let graph = try makeGraph()
        #expect(graph.nodes == [
            .resource("Bucket"), .resource("Policy"), .resource("Queue"), .resource("Topic"), .resource("Policy2"),
            .parameter("Env"), .parameter("Names"), .condition("IsProd"), .condition("Both"), .output("Arn"),
        ])
    }

    @Test func referencesFromAndTo() throws {
        let graph = try makeGraph()
        let fromQueue = graph.references(from: .resource("Queue"))
        #expect(fromQueue.map(\.target) == [.resource("Bucket"), GraphNode(.missing, "Ghost"), .parameter("Env"),
                                            .resource("Bucket"), GraphNode(.pseudoParameter, "AWS::Region")])
        #expect(fromQueue.map(\.kind) == [.dependsOn, .dependsOn, .subRef, .subGetAtt(attribute: "Arn"), .subRef])
        let toBucket = graph.references(to: .resource("Bucket"))
        #expect(toBucket.map { "\($0.source.name) \($0.kind.label) \($0.path)" } == [
            "Policy Ref Properties.Bucket", "Policy GetAtt Arn Properties.PolicyDocument", "Queue DependsOn DependsOn",
            "Queue Sub Arn Properties.QueueName", "Topic Ref Properties.TopicName.Name", "Policy2 Sub Properties.Bucket",
            "Arn GetAtt Arn Value",
        ])
        let toEnv = graph.references(to: .parameter("Env"))
        #expect(toEnv.map(\.source) == [.resource("Bucket"), .resource("Queue"), .condition("IsProd")])
        #expect(graph.references(to: .condition("IsProd")).map(\.source)
            == [.resource("Bucket"), .resource("Topic"), .condition("Both"), .output("Arn")])
        #expect(graph.references(to: .parameter("Names")).isEmpty)
        #expect(graph.references(from: .resource("Nope")).isEmpty)
        #expect(graph.references(from: .output("Arn")).count == 2)
    }

    @Test func resourcesReferencingAResource() throws {
        let graph = try makeGraph()
        let bucket = try #require(graph.resource(named: "Bucket"))
        let all = graph.resources(referencing: bucket)
        #expect(all.map(\.resource.logicalId) == ["Policy", "Queue", "Topic", "Policy2"])
        // The first reference of each resource is kept.
        #expect(all.map(\.reference.kind) == [.ref, .dependsOn, .ref, .subRef])
        let policies = graph.resources(referencing: bucket, ofType: "AWS::S3::BucketPolicy", at: ["Properties", "Bucket"])
        #expect(policies.map(\.resource.logicalId) == ["Policy", "Policy2"])
        #expect(policies.map(\.reference.path.description) == ["Properties.Bucket", "Properties.Bucket"])
        #expect(policies.first?.reference.position == find("{\"Ref\": \"Bucket\"}", line: 6))
        #expect(graph.resources(referencing: bucket, ofType: "AWS::S3::BucketPolicy", at: ["Properties", "PolicyDocument"])
            .map(\.resource.logicalId) == ["Policy"])
        #expect(graph.resources(referencing: bucket, at: ["Properties", "Nothing"]).isEmpty)
        #expect(graph.resources(referencing: bucket, ofType: "AWS::Lambda::Function").isEmpty)
        // A path prefix matches whole keys only: `Properties.Buck` is not a prefix of `Properties.Bucket`.
        #expect(graph.resources(referencing: bucket, at: ["Properties", "Buck"]).isEmpty)
        // Outputs are not resources.
        #expect(!all.contains { $0.resource.logicalId == "Arn" })
    }

    @Test func resourcesReferencedByAResource() throws {
        let graph = try makeGraph()
        let topic = try #require(graph.resource(named: "Topic"))
        #expect(graph.resources(referencedBy: topic).map(\.resource.logicalId) == ["Bucket", "Queue"])
        #expect(graph.resources(referencedBy: topic, ofType: "AWS::SQS::Queue").map(\.reference.path.description)
            == ["Properties.TopicName.Other"])
        let queue = try #require(graph.resource(named: "Queue"))
        // Missing targets and pseudo parameters are not resources.
        #expect(graph.resources(referencedBy: queue).map(\.resource.logicalId) == ["Bucket"])
        #expect(graph.resources(referencedBy: queue, at: ["Properties"]).map(\.reference.kind) == [.subGetAtt(attribute: "Arn")])
    }

    @Test func resourcesOfType() throws {
        let graph = try makeGraph()
        #expect(graph.resources(ofType: "AWS::S3::BucketPolicy").map(\.logicalId) == ["Policy", "Policy2"])
        #expect(graph.resources(ofType: "AWS::S3::Bucket").map(\.logicalId) == ["Bucket"])
        #expect(graph.resources(ofType: "AWS::EC2::Instance").isEmpty)
        #expect(graph.resources(ofTypes: ["AWS::SNS::Topic", "AWS::S3::Bucket", "AWS::SQS::Queue"]).map(\.logicalId)
            == ["Bucket", "Queue", "Topic"])
    }

    @Test func yamlShortFormsGiveTheSameEdges() throws {
        let text = """
            Parameters:
              Env: {Type: String}
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Policy:
                Type: AWS::S3::BucketPolicy
                DependsOn: [Bucket]
                Properties:
                  Bucket: !Ref Bucket
                  Arn: !GetAtt Bucket.Arn
                  Name: !Sub "${Env}-${Bucket.DomainName}-${!Skip}"
                  Other: !Sub
                    - "${Var}"
                    - Var: !GetAtt [Bucket, Arn]
            """
        let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "g.yaml")
        let graph = ResourceGraph(template: template)
        #expect(graph.references.map(describe) == [
            edge(.resource("Policy"), .resource("Bucket"), "DependsOn", "DependsOn", Position(line: 8, column: 17)),
            edge(.resource("Policy"), .resource("Bucket"), "Ref", "Properties.Bucket", Position(line: 10, column: 15)),
            edge(.resource("Policy"), .resource("Bucket"), "GetAtt Arn", "Properties.Arn", Position(line: 11, column: 12)),
            edge(.resource("Policy"), .parameter("Env"), "Sub", "Properties.Name", Position(line: 12, column: 18)),
            edge(.resource("Policy"), .resource("Bucket"), "Sub DomainName", "Properties.Name", Position(line: 12, column: 18)),
            edge(.resource("Policy"), .resource("Bucket"), "GetAtt Arn", "Properties.Other.Var", Position(line: 15, column: 16)),
        ])
    }

    @Test func getAttWithAnIntrinsicAttributeAndRefOfAnIntrinsic() throws {
        let text = """
            {"Parameters": {"Attr": {"Type": "String"}},
             "Resources": {"A": {"Type": "AWS::SNS::Topic"},
              "B": {"Type": "AWS::SNS::Topic", "Properties": {"X": {"Fn::GetAtt": ["A", {"Ref": "Attr"}]},
                    "Y": {"Fn::Join": ["", [{"Ref": "A"}, {"Fn::Select": [0, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]}]]}}}}}
            """
        let graph = try makeGraph(text)
        #expect(graph.references(from: .resource("B")).map { "\($0.target) \($0.kind.label) \($0.path)" } == [
            "resource A GetAtt * Properties.X",
            "parameter Attr Ref Properties.X",
            // Inside other functions the path follows the argument lists.
            "resource A Ref Properties.Y[1][0]",
            "pseudoParameter AWS::Region Ref Properties.Y[1][1][1]",
        ])
    }
}
