import Testing
@testable import NagRules

/// The compact forms loaded templates and graphs are kept in: a value's position packed into the bytes after its
/// kind, and a graph's references looked up by node number.
@Suite struct CompactStorageTests {
    @Test func aValueTakesTwentyFourBytesAndAMapEntryFortyEight() {
        #expect(MemoryLayout<Value>.size == 24)
        #expect(MemoryLayout<Value>.stride == 24)
        #expect(MemoryLayout<ValueMap.Entry>.stride == 48)
    }

    @Test(arguments: [(1, 1), (12, 7), (0, 0), (PackedPosition.maximum, PackedPosition.maximum), (1, PackedPosition.maximum),
                      (PackedPosition.maximum, 1), (123_456, 98_765)])
    func positionsWithinTheLimitAreKeptExactly(line: Int, column: Int) {
        let value = Value(.string("text"), at: Position(line: line, column: column))
        #expect(value.position == Position(line: line, column: column))
        #expect(value.stringValue == "text")
    }

    @Test func positionsBeyondTheLimitAreClamped() {
        let maximum = PackedPosition.maximum
        #expect(maximum == 268_435_455)
        let far = Value(.null, at: Position(line: maximum + 1, column: Int(Int32.max)))
        #expect(far.position == Position(line: maximum, column: maximum))
        let negative = Value(.null, at: Position(line: -5, column: -1))
        #expect(negative.position == Position(line: 0, column: 0))
    }

    @Test func settingThePositionKeepsTheKind() {
        var value = Value(.list([Value(.bool(true), at: .start)]), at: .start)
        value.position = Position(line: 40_000, column: 300)
        #expect(value.position == Position(line: 40_000, column: 300))
        #expect(value.listValue?.first?.boolValue == true)
        value.kind = .number("1.10")
        #expect(value.position == Position(line: 40_000, column: 300))
        #expect(value.scalarText == "1.10")
    }

    @Test func aLoadedTemplateKeepsPositionsOnLongLines() throws {
        // One line of over 70,000 columns: the last value's column is kept exactly.
        let padding = String(repeating: " ", count: 70_000)
        let text = "{\"Resources\": {\"Bucket\": {\"Type\": \"AWS::S3::Bucket\",\(padding)\"Properties\": {\"BucketName\": \"b\"}}}}"
        let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "long.json", format: .json)
        let name = try #require(template.resources.first?.properties["BucketName"])
        let column = text.unicodeScalars.count - "\"b\"}}}}".unicodeScalars.count + 1
        #expect(name.position == Position(line: 1, column: column))
    }

    @Test func eachNodesReferencesAreTheGraphsReferencesFromAndToIt() throws {
        let text = """
            Parameters:
              Env: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Bucket: {Type: AWS::S3::Bucket, Condition: IsProd}
              Queue: {Type: AWS::SQS::Queue, DependsOn: [Bucket, Ghost], Properties: {QueueName: !Sub "${Env}-${Bucket.Arn}-${AWS::Region}"}}
              Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: !Ref Bucket, DisplayName: !GetAtt Queue.QueueName}}
              Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref Bucket, Other: !Ref Queue}}
            Outputs:
              Arn: {Value: !GetAtt Bucket.Arn, Condition: IsProd}
            """
        let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "graph.yaml", format: .yaml)
        let graph = ResourceGraph(template: template)
        #expect(graph.references.count == 13)
        let nodes = graph.nodes + [GraphNode(.pseudoParameter, "AWS::Region"), GraphNode(.missing, "Ghost")]
        for node in nodes {
            let from = graph.references.filter { $0.source == node }
            let to = graph.references.filter { $0.target == node }
            #expect(graph.references(from: node) == from, "from \(node)")
            #expect(graph.references(to: node) == to, "to \(node)")
        }
        #expect(graph.references(to: .resource("Bucket")).map(\.source.name) == ["Queue", "Queue", "Topic", "Policy", "Arn"])
        #expect(graph.references(to: .resource("Nowhere")).isEmpty)
        #expect(graph.references(from: GraphNode(.missing, "Nowhere")).isEmpty)
    }

    @Test func referencesAtEqualPathsHaveEqualPaths() throws {
        let text = """
            Resources:
              A: {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub "${B}-${C}"}}
              B: {Type: AWS::SNS::Topic, Properties: {TopicName: !Sub "${A}-${C}"}}
              C: {Type: AWS::SNS::Topic, Properties: {Tags: [{Key: k, Value: !Ref A}, {Key: l, Value: !Ref B}]}}
            """
        let template = try TemplateLoader().load(bytes: Array(text.utf8), file: "paths.yaml", format: .yaml)
        let paths = ResourceGraph(template: template).references.map(\.path.description)
        #expect(paths == ["Properties.TopicName", "Properties.TopicName", "Properties.TopicName", "Properties.TopicName",
                          "Properties.Tags[0].Value", "Properties.Tags[1].Value"])
    }
}

@Suite struct CompactReferenceTests {
    @Test func aReferenceTakesSeventyTwoBytes() {
        #expect(MemoryLayout<Reference>.stride == 72)
    }

    @Test(arguments: [Reference.Kind.ref, .getAtt(attribute: "Arn"), .subRef, .subGetAtt(attribute: "Endpoint.Address"),
                      .dependsOn, .condition, .getAtt(attribute: "")])
    func everyKindReadsBackAsWritten(kind: Reference.Kind) {
        var reference = Reference(source: .resource("A"), target: GraphNode(.missing, "B"), kind: kind,
                                  path: [.key("Properties"), .index(2)], position: Position(line: 3, column: 4))
        #expect(reference.kind == kind)
        #expect(reference.kind.attribute == kind.attribute)
        #expect(reference.source == .resource("A"))
        #expect(reference.target == GraphNode(.missing, "B"))
        #expect(reference.path.description == "Properties[2]")
        #expect(reference.position == Position(line: 3, column: 4))
        reference.kind = .getAtt(attribute: "Other")
        reference.target = .parameter("P")
        #expect(reference.kind == .getAtt(attribute: "Other"))
        #expect(reference.target == .parameter("P"))
        #expect(reference.source == .resource("A"))
    }

    @Test func equalReferencesAreEqualAndHashAlike() {
        let make = { (kind: Reference.Kind) in
            Reference(source: .resource("A"), target: .resource("B"), kind: kind, path: [.key("Properties")], position: .start)
        }
        #expect(make(.ref) == make(.ref))
        #expect(make(.ref) != make(.subRef))
        #expect(make(.getAtt(attribute: "Arn")) != make(.subGetAtt(attribute: "Arn")))
        #expect(Set([make(.ref), make(.ref), make(.dependsOn)]).count == 2)
    }
}

@Suite struct ResourceIndexTests {
    private func load(_ text: String) throws -> Template {
        try TemplateLoader().load(bytes: Array(text.utf8), file: "index.yaml", format: .yaml)
    }

    @Test func aLoadedTemplateFindsResourcesThroughItsResourcesMap() throws {
        let names = (0..<40).map { "Queue\($0)" }
        let text = "Resources:\n" + names.map { "  \($0): {Type: AWS::SQS::Queue}\n" }.joined()
        let template = try load(text)
        let index = ResourceIndex(resources: template.resources, root: template.root)
        guard case .section = index else {
            Issue.record("expected the Resources map to serve as the index")
            return
        }
        for (offset, name) in names.enumerated() {
            #expect(index[name] == offset)
            #expect(template.resource(named: name)?.logicalId == name)
        }
        #expect(index["Queue40"] == nil)
        #expect(!template.hasResource(named: "Queue40"))
    }

    @Test func skippedEntriesFallBackToATableOfTheirOwn() throws {
        let text = """
            Resources:
              First: {Type: AWS::SQS::Queue}
              Fn::ForEach::Topics: [Name, [A, B], {"Topic${Name}": {Type: AWS::SNS::Topic}}]
              NotAMap: 3
              Last: {Type: AWS::SNS::Topic}
            """
        let template = try load(text)
        let index = ResourceIndex(resources: template.resources, root: template.root)
        guard case .table = index else {
            Issue.record("expected a table: the resources are not the map's entries")
            return
        }
        #expect(template.resources.map(\.logicalId) == ["First", "Last"])
        #expect(index["First"] == 0)
        #expect(index["Last"] == 1)
        #expect(template.resource(named: "Last")?.type == "AWS::SNS::Topic")
        #expect(!template.hasResource(named: "NotAMap"))
    }

    /// Resources whose names differ from the map's keys at any place (here the last) get a table of their own.
    @Test func namesThatDifferFromTheMapsKeysGetATable() throws {
        let text = "Resources:\n" + (0..<20).map { "  Queue\($0): {Type: AWS::SQS::Queue}\n" }.joined()
        let template = try load(text)
        let renamed = template.resources.enumerated().map { offset, resource in
            offset < 19 ? resource : Resource(
                logicalId: "Renamed", position: resource.position, type: resource.type, typePosition: resource.typePosition,
                definition: resource.definition, properties: resource.properties, propertiesValue: resource.propertiesValue)
        }
        let index = ResourceIndex(resources: renamed, root: template.root)
        guard case .table = index else {
            Issue.record("expected a table: the last resource is not named by the last key")
            return
        }
        #expect(index["Renamed"] == 19)
        #expect(index["Queue19"] == nil)
        #expect(index["Queue0"] == 0)
    }

    @Test func aRepeatedNameFindsTheFirstResource() throws {
        let template = try load("Resources:\n  A: {Type: AWS::SQS::Queue}\n  B: {Type: AWS::SNS::Topic}\n")
        // Twenty resources A, B, A, B, … and a Resources map with the same keys: large enough to have a hash
        // index, which would find the last of each name.
        let resources = Array(repeating: template.resources, count: 10).flatMap { $0 }
        let map = ValueMap((0..<20).map { ValueMap.Entry(key: $0 % 2 == 0 ? "A" : "B", keyPosition: .start, value: Value(.null, at: .start)) })
        #expect(!map.hasUniqueKeys)
        let root = Value(.map(ValueMap([ValueMap.Entry(key: "Resources", keyPosition: .start, value: Value(.map(map), at: .start))])), at: .start)
        let index = ResourceIndex(resources: resources, root: root)
        guard case .table = index else {
            Issue.record("expected a table: the map repeats its keys")
            return
        }
        #expect(index["A"] == 0)
        #expect(index["B"] == 1)
        #expect(ValueMap([ValueMap.Entry(key: "A", keyPosition: .start, value: Value(.null, at: .start))]).hasUniqueKeys)
    }
}

/// A map's look-ups compare keys as strings do, in small maps (scanned) and large ones (hashed by bytes when every
/// key is ASCII, else by `Dictionary`) alike.
@Suite struct ValueMapLookupTests {
    private func map(_ keys: [String]) -> ValueMap {
        ValueMap(keys.enumerated().map { ValueMap.Entry(key: $1, keyPosition: Position(line: $0 + 1, column: 1),
                                                        value: Value(.string("v\($0)"), at: .start)) })
    }

    @Test(arguments: [3, 30], [true, false])
    func lookUpsFindEveryKeyAndCanonicallyEqualSpellings(count: Int, ascii: Bool) {
        let keys = [ascii ? "cafe" : "caf\u{E9}", "K", ""] + (3..<count).map { "key-number-\($0)" }
        let values = map(keys)
        for (offset, key) in keys.enumerated() {
            #expect(values.offset(of: key) == offset)
            #expect(values[key]?.stringValue == "v\(offset)")
            #expect(values.entry(key)?.keyPosition.line == offset + 1)
        }
        if !ascii {
            #expect(values["cafe\u{301}"]?.stringValue == "v0", "decomposed é finds the composed key")
        }
        #expect(values["\u{212A}"]?.stringValue == "v1", "the Kelvin sign finds K")
        #expect(values["key"] == nil && values.entry("Key-number-3") == nil && values.offset(of: "key-number-") == nil)
        #expect(values["\u{212A}x"] == nil)
        #expect(values.hasUniqueKeys)
    }

    /// A map built in code may repeat a key: the index keeps the last entry, as a `Dictionary` would.
    @Test(arguments: [true, false])
    func aRepeatedKeyIsFoundAtItsLastEntry(ascii: Bool) {
        let keys = (0..<30).map { "k\($0 % 15)" + (ascii ? "" : "é") }
        let values = map(keys)
        #expect(!values.hasUniqueKeys)
        #expect(values.offset(of: keys[3]) == 18)
        #expect(values.entry(keys[14])?.keyPosition.line == 30)
        #expect(map(Array(keys[..<15])).hasUniqueKeys)
    }

    /// Keys that all land in one slot of the byte-hash table (the hash is fixed, so a document could be written
    /// that way) are indexed another way, and every look-up still answers right.
    @Test func keysThatCrowdTheTableAreStillFound() {
        let capacity = 256
        var keys: [String] = []
        var candidate = 0
        while keys.count < 100 {
            let key = "k\(candidate)"
            candidate += 1
            let slot = Array(key.utf8).withUnsafeBufferPointer {
                Int(truncatingIfNeeded: JSONStringTable.hash($0, from: 0, to: $0.count)) & (capacity - 1)
            }
            if slot == 0 { keys.append(key) }
        }
        let values = map(keys)
        for (offset, key) in keys.enumerated() { #expect(values.offset(of: key) == offset) }
        #expect(values["k"] == nil)
        #expect(values.hasUniqueKeys)
    }
}
