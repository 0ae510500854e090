import Foundation
import Testing
@testable import NagRules

/// `Tests/Fixtures/load/<name>`, found from this source file so it works from any working directory.
private func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/load/\(name)").path
}

private func pos(_ line: Int, _ column: Int) -> Position { Position(line: line, column: column) }

private func loadJSON(_ text: String, file: String = "t.json") throws -> Template {
    try TemplateLoader().load(bytes: Array(text.utf8), file: file, format: .json)
}

@Suite struct TemplateTests {
    @Test func everySectionOfTheFixtureIsRead() throws {
        let path = fixture("sections.yaml")
        let template = try TemplateLoader().load(path: path)
        #expect(template.file == path)
        #expect(template.diagnostics.isEmpty, "Globals is a known section under the SAM transform: \(template.diagnostics)")
        #expect(template.formatVersion?.stringValue == "2010-09-09")
        #expect(template.formatVersion?.position == pos(1, 27))
        #expect(template.description?.stringValue == "Every section of a template")
        #expect(template.metadata?["Owner"]?.stringValue == "team-a")
        #expect(template.transform?.stringValue == "AWS::Serverless-2016-10-31")
        #expect(template.usesServerlessTransform)
        #expect(template.rules?.mapValue?.keys == ["ProdOnly"])
        #expect(template.mappings?["RegionMap"]?["us-east-1"]?["Ami"]?.stringValue == "ami-123")
        #expect(template.resources.map(\.logicalId) == ["Bucket", "Function"])
        #expect(template.outputs.map(\.name) == ["BucketArn"])
        #expect(template.root.mapValue?.keys.count == 11)
    }

    @Test func parameters() throws {
        let template = try TemplateLoader().load(path: fixture("sections.yaml"))
        #expect(template.parameters.map(\.name) == ["Env", "Password", "Subnets", "Names", "Secret"])
        let env = try #require(template.parameter(named: "Env"))
        #expect(env.position == pos(7, 3))
        #expect(env.type == "String")
        #expect(env.defaultValue?.stringValue == "prod")
        #expect(env.defaultValue?.position == pos(9, 14))
        #expect(env.definition["AllowedValues"]?.listValue?.compactMap(\.stringValue) == ["dev", "prod"])
        #expect(!env.noEcho)
        #expect(!env.isList)
        let password = try #require(template.parameter(named: "Password"))
        #expect(password.noEcho)
        #expect(password.defaultValue == nil)
        #expect(template.parameter(named: "Secret")?.noEcho == true, "NoEcho: \"TRUE\" is true to CloudFormation")
        #expect(template.parameter(named: "Subnets")?.isList == true)
        #expect(template.parameter(named: "Names")?.isList == true)
        #expect(template.parameter(named: "Names")?.defaultValue?.stringValue == "a, b,c")
        #expect(template.parameter(named: "Missing") == nil)
    }

    @Test(arguments: [
        ("String", false), ("Number", false), ("CommaDelimitedList", true), ("List<Number>", true),
        ("List<AWS::EC2::VPC::Id>", true), ("AWS::EC2::VPC::Id", false),
        ("AWS::SSM::Parameter::Value<String>", false), ("AWS::SSM::Parameter::Value<List<String>>", true),
        ("AWS::SSM::Parameter::Value<CommaDelimitedList>", true),
    ])
    func listParameterTypes(type: String, isList: Bool) throws {
        let template = try loadJSON(#"{"Parameters": {"P": {"Type": "\#(type)"}}, "Resources": {}}"#)
        #expect(template.parameter(named: "P")?.isList == isList)
    }

    @Test func conditions() throws {
        let template = try TemplateLoader().load(path: fixture("sections.yaml"))
        #expect(template.conditions.map(\.name) == ["IsProd", "NotProd"])
        let isProd = try #require(template.condition(named: "IsProd"))
        #expect(isProd.position == pos(27, 3))
        #expect(isProd.expression.intrinsicValue?.name == .equals)
        #expect(isProd.expression.intrinsicValue?.arguments.count == 2)
        let notProd = try #require(template.condition(named: "NotProd"))
        #expect(notProd.expression.intrinsicValue?.name == .not)
        #expect(notProd.expression.intrinsicValue?.arguments.first?.intrinsicValue?.name == .condition)
    }

    @Test func outputs() throws {
        let template = try TemplateLoader().load(path: fixture("sections.yaml"))
        let output = try #require(template.outputs.first)
        #expect(output.name == "BucketArn")
        #expect(output.position == pos(49, 3))
        let value = try #require(output.value?.intrinsicValue?.getAttTarget)
        #expect(value.resource == "Bucket")
        #expect(value.attribute.stringValue == "Arn")
        #expect(output.definition["Export"]?["Name"]?.intrinsicValue?.name == .sub)
    }

    @Test func resources() throws {
        let template = try TemplateLoader().load(path: fixture("sections.yaml"))
        let bucket = try #require(template.resource(named: "Bucket"))
        #expect(bucket.position == pos(37, 3))
        #expect(bucket.type == "AWS::S3::Bucket")
        #expect(bucket.typePosition == pos(38, 11))
        #expect(bucket.condition == "IsProd")
        #expect(bucket.cdkPath == "Stack/Bucket/Resource")
        #expect(bucket.properties.keys == ["BucketName"])
        #expect(bucket[property: "BucketName"]?.intrinsicValue?.name == .sub)
        #expect(bucket.position(ofProperty: "BucketName") == pos(43, 7))
        #expect(bucket.propertiesPosition == pos(42, 5))
        #expect(bucket.position(ofProperty: "Nope") == pos(42, 5))
        let function = try #require(template.resource(named: "Function"))
        #expect(function.cdkPath == nil)
        #expect(function.condition == nil)
        #expect(function.type == "AWS::Serverless::Function")
        #expect(template.resource(named: "Nope") == nil)
    }

    @Test func transformDetection() throws {
        let none = try loadJSON(#"{"Resources": {}}"#)
        #expect(!none.usesServerlessTransform)
        #expect(none.transform == nil)
        let list = try loadJSON(#"{"Transform": ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"], "Resources": {}}"#)
        #expect(list.usesServerlessTransform)
        let other = try loadJSON(#"{"Transform": "AWS::LanguageExtensions", "Resources": {}}"#)
        #expect(!other.usesServerlessTransform)
        // Globals is a section only under the SAM transform.
        let globals = try loadJSON(#"{"Globals": {}, "Resources": {}}"#)
        #expect(globals.diagnostics.map(\.message) == ["Globals is a section of the SAM transform, which this template does not declare (Transform: AWS::Serverless-2016-10-31)"])
        #expect(globals.diagnostics.map(\.severity) == [.warning])
        #expect(globals.diagnostics.first?.location == FileLocation(file: "t.json", line: 1, column: 2))
    }

    @Test func cdkPathMetadataFromJSON() throws {
        let template = try loadJSON("""
            {"Resources": {"B": {"Type": "AWS::S3::Bucket",
              "Metadata": {"aws:cdk:path": "App/Stack/B/Resource", "cdk_nag": {"rules_to_suppress": []}}}}}
            """)
        let bucket = try #require(template.resource(named: "B"))
        #expect(bucket.cdkPath == "App/Stack/B/Resource")
        #expect(bucket.metadata?["cdk_nag"]?["rules_to_suppress"]?.listValue?.isEmpty == true)
        #expect(bucket.propertiesValue == nil)
        #expect(bucket.properties.isEmpty)
        #expect(bucket.propertiesPosition == pos(1, 16))
    }

    @Test func forEachLoopsAreSkippedNotReportedAsResources() throws {
        let template = try loadJSON("""
            {"Transform": "AWS::LanguageExtensions", "Resources": {
              "Fn::ForEach::Topics": ["Name", ["A", "B"], {"Topic${Name}": {"Type": "AWS::SNS::Topic"}}],
              "Queue": {"Type": "AWS::SQS::Queue"}}}
            """)
        #expect(template.diagnostics.isEmpty)
        #expect(template.resources.map(\.logicalId) == ["Queue"])
    }

    @Test func jsonAndYAMLLoadTheSameTemplate() throws {
        let json = try loadJSON("""
            {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {
              "Port": {"Fn::GetAtt": "Other.Endpoint.Port"}, "Name": {"Fn::Sub": ["${A}", {"A": {"Ref": "AWS::Region"}}]},
              "Flag": true, "Size": 20, "Empty": null}}}}
            """)
        let yaml = try TemplateLoader().load(bytes: Array("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Port: !GetAtt Other.Endpoint.Port
                  Name: !Sub
                    - "${A}"
                    - A: !Ref AWS::Region
                  Flag: true
                  Size: 20
                  Empty: null
            """.utf8), file: "t.yaml")
        #expect(json.root == yaml.root)
        #expect(json.resource(named: "Db")?.properties == yaml.resource(named: "Db")?.properties)
    }
}

@Suite struct NestedStackPathTests {
    @Test(arguments: [
        ("", "a.yaml", "a.yaml"), ("", "./a.yaml", "a.yaml"), ("dir", "sub/../a.yaml", "dir/a.yaml"),
        ("dir/", "./x//y.json", "dir/x/y.json"), ("/abs/dir", "../t.json", "/abs/t.json"), ("d", "/etc/t.yaml", "/etc/t.yaml"),
        ("", "../../a", "../../a"), ("a/b", "../../../c", "../c"), ("", "é/./ü.yaml", "é/ü.yaml"), ("", "..x/.y/a", "..x/.y/a"),
    ])
    func pathsAreJoinedAndTidied(directory: String, relative: String, expected: String) {
        #expect(NestedStack.join(directory, relative) == expected)
    }
}
