import Testing
@testable import NagRules

@Suite struct SAMGlobalsTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: nodejs18.x
            Timeout: 3
            Environment:
              Variables: {STAGE: prod, TABLE: t}
            Layers: [arn:aws:lambda:us-east-1:123456789012:layer:global:1]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key
              Handler: index.handler
              Timeout: 30
              Environment:
                Variables: {TABLE: mine}
              Layers: [arn:aws:lambda:us-east-1:123456789012:layer:local:1]
        """

    @Test func scalarsFromTheResourceWinAndMissingOnesComeFromGlobals() throws {
        let function = try #require(try SAMTest.load(Self.template).resource(named: "Fn"))
        #expect(function.type == "AWS::Lambda::Function")
        #expect(function[property: "Timeout"]?.scalarText == "30")
        #expect(function[property: "Runtime"]?.stringValue == "nodejs18.x")
        #expect(function[property: "Runtime"]?.position == Position(line: 4, column: 14), "the runtime keeps its place in Globals")
    }

    @Test func mapsMergeKeyByKey() throws {
        let function = try #require(try SAMTest.load(Self.template).resource(named: "Fn"))
        let variables = try #require(function[property: "Environment"]?["Variables"]?.mapValue)
        #expect(variables.keys == ["STAGE", "TABLE"])
        #expect(variables["TABLE"]?.stringValue == "mine")
    }

    @Test func listsConcatenateGlobalsFirst() throws {
        let function = try #require(try SAMTest.load(Self.template).resource(named: "Fn"))
        let layers = function[property: "Layers"]?.listValue?.compactMap(\.stringValue)
        #expect(layers == ["arn:aws:lambda:us-east-1:123456789012:layer:global:1", "arn:aws:lambda:us-east-1:123456789012:layer:local:1"])
    }

    @Test func valuesOfDifferentKindsTakeTheResources() {
        let global = Value(.list([]), at: .start)
        let local = Value(.string("x"), at: Position(line: 2, column: 2))
        #expect(SAMGlobals.merge(global: global, local: local) == local)
    }
}
