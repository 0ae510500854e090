import Testing
@testable import NagRules

private let resolverTemplate = """
    {
    "Parameters": {
     "Env": {"Type": "String", "Default": "prod"},
     "NoDefault": {"Type": "String"},
     "Subnets": {"Type": "CommaDelimitedList", "Default": "subnet-1, subnet-2,subnet-3"},
     "Count": {"Type": "Number", "Default": 3},
     "Ids": {"Type": "List<AWS::EC2::Subnet::Id>"}
    },
    "Mappings": {"RegionMap": {"prod": {"Ami": "ami-1", "Size": 10}, "dev": {"Ami": {"Ref": "Env"}}}},
    "Conditions": {
     "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
     "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
     "InUsEast": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]},
     "ProdAndRegion": {"Fn::And": [{"Condition": "IsProd"}, {"Condition": "InUsEast"}]},
     "DevAndRegion": {"Fn::And": [{"Condition": "InUsEast"}, {"Condition": "IsDev"}]},
     "RegionOrProd": {"Fn::Or": [{"Condition": "InUsEast"}, {"Condition": "IsProd"}]},
     "RegionOrDev": {"Fn::Or": [{"Condition": "IsDev"}, {"Condition": "InUsEast"}]},
     "CountIsThree": {"Fn::Equals": [{"Ref": "Count"}, "3"]},
     "NoDefaultEmpty": {"Fn::Equals": [{"Ref": "NoDefault"}, ""]},
     "Loop": {"Fn::Not": [{"Condition": "Loop"}]},
     "Literal": true
    },
    "Resources": {
     "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::If": ["IsProd", "prod-bucket", {"Ref": "AWS::NoValue"}]}}}
    }
    }
    """

private func pos(_ line: Int, _ column: Int) -> Position { Position(line: line, column: column) }

private func makeResolver(_ parameters: [String: String] = [:]) throws -> Resolver {
    let template = try TemplateLoader().load(bytes: Array(resolverTemplate.utf8), file: "r.json", format: .json)
    #expect(template.diagnostics.isEmpty)
    return Resolver(template: template, parameterValues: parameters)
}

/// A value written in JSON (long-form intrinsics), to resolve against the template.
private func value(_ json: String) throws -> Value {
    try Array(json.utf8).withUnsafeBytes { try JSONParser.parse($0) }
}

private func resolve(_ json: String, _ parameters: [String: String] = [:]) throws -> Resolved {
    try makeResolver(parameters).resolve(value(json))
}

private func strings(_ resolved: Resolved) -> [String]? { resolved.list?.compactMap(\.scalarText) }

@Suite struct ResolverTests {
    // MARK: Ref

    @Test func refToParameterUsesTheSuppliedValueThenTheDefault() throws {
        let defaulted = try resolve(#"{"Ref": "Env"}"#)
        #expect(defaulted.string == "prod")
        #expect(defaulted.value?.position == pos(3, 39), "a Default resolves to the Default as written")
        let supplied = try resolve(#"{"Ref": "Env"}"#, ["Env": "dev"])
        #expect(supplied.value == Value(.string("dev"), at: .start))
        #expect(supplied.value?.position == pos(1, 1), "a supplied value is located at the Ref")
        #expect(try resolve(#"{"Ref": "Count"}"#).value == Value(.number("3"), at: .start))
        #expect(try resolve(#"{"Ref": "Count"}"#).number == 3)
    }

    @Test func refToParameterWithoutDefaultIsUnknown() throws {
        let resolved = try resolve(#"[1, {"Ref": "NoDefault"}]"#).list?[1]
        let why = try #require(try makeResolver().resolve(resolved).unresolved)
        #expect(why.reason == "Ref to parameter NoDefault, which has no Default (pass --parameters NoDefault=VALUE)")
        #expect(why.position == pos(1, 5))
        #expect(try resolve(#"{"Ref": "NoDefault"}"#, ["NoDefault": "x"]).string == "x")
    }

    @Test func listParametersAreSplitAndTrimmed() throws {
        #expect(strings(try resolve(#"{"Ref": "Subnets"}"#)) == ["subnet-1", "subnet-2", "subnet-3"])
        #expect(strings(try resolve(#"{"Ref": "Subnets"}"#, ["Subnets": "a,b"])) == ["a", "b"])
        #expect(strings(try resolve(#"{"Ref": "Ids"}"#, ["Ids": "subnet-9"])) == ["subnet-9"])
        #expect(try resolve(#"{"Ref": "Ids"}"#).isUnknown)
    }

    @Test func pseudoParameters() throws {
        #expect(try resolve(#"{"Ref": "AWS::NoValue"}"#) == .absent)
        #expect(try resolve(#"{"Ref": "AWS::Partition"}"#).string == "aws")
        #expect(try resolve(#"{"Ref": "AWS::URLSuffix"}"#).string == "amazonaws.com")
        for name in ["AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs"] {
            let why = try #require(try resolve(#"{"Ref": "\#(name)"}"#).unresolved)
            #expect(why.reason == "\(name) is known only at deploy time")
        }
    }

    @Test func refAndGetAttToAResourceGiveALink() throws {
        #expect(try resolve(#"{"Ref": "Bucket"}"#).resourceLink == ResourceLink(logicalId: "Bucket", attribute: nil, position: pos(1, 1)))
        let link = try #require(try resolve(#"  {"Fn::GetAtt": "Bucket.Arn"}"#).resourceLink)
        #expect(link == ResourceLink(logicalId: "Bucket", attribute: "Arn", position: pos(1, 3)))
        #expect(try resolve(#"{"Fn::GetAtt": ["Bucket", "DomainName"]}"#).resourceLink?.attribute == "DomainName")
        #expect(try resolve(#"{"Fn::GetAtt": ["Bucket", {"Ref": "Env"}]}"#).resourceLink?.attribute == "prod")
        #expect(try resolve(#"{"Ref": "Nope"}"#).unresolved?.reason == "Ref to Nope, which the template does not define")
        #expect(try resolve(#"{"Fn::GetAtt": "Nope.Arn"}"#).unresolved?.reason == "Fn::GetAtt of Nope, which the template does not define")
    }

    // MARK: Conditions

    @Test(arguments: [
        ("IsProd", true), ("IsDev", false), ("ProdAndRegion", nil), ("DevAndRegion", false),
        ("RegionOrProd", true), ("RegionOrDev", nil), ("CountIsThree", true), ("NoDefaultEmpty", nil),
        ("Literal", true), ("Loop", nil), ("Undefined", nil),
    ] as [(String, Bool?)])
    func conditionsWithDefaults(name: String, truth: Bool?) throws {
        let result = try makeResolver().condition(named: name)
        switch result {
        case .success(let value): #expect(value == truth)
        case .failure: #expect(truth == nil, "\(name) should be decidable: \(result)")
        }
    }

    @Test func conditionsFollowSuppliedParameters() throws {
        let dev = try makeResolver(["Env": "dev"])
        #expect(try dev.condition(named: "IsProd").get() == false)
        #expect(try dev.condition(named: "IsDev").get() == true)
        #expect(try dev.condition(named: "ProdAndRegion").get() == false)
        #expect(try makeResolver(["NoDefault": ""]).condition(named: "NoDefaultEmpty").get() == true)
    }

    @Test func undecidableConditionsSayWhy() throws {
        let resolver = try makeResolver()
        guard case .failure(let region) = resolver.condition(named: "RegionOrDev") else {
            Issue.record("RegionOrDev is undecidable"); return
        }
        #expect(region.reason == "AWS::Region is known only at deploy time")
        guard case .failure(let loop) = resolver.condition(named: "Loop") else { Issue.record("Loop cycles"); return }
        #expect(loop.reason.contains("a cycle"))
        guard case .failure(let undefined) = resolver.condition(named: "Undefined") else { return }
        #expect(undefined.reason == "condition Undefined is not defined")
    }

    @Test func conditionFunctionsResolveToBooleans() throws {
        #expect(try resolve(#"{"Fn::Equals": ["a", "a"]}"#).bool == true)
        #expect(try resolve(#"{"Fn::Equals": [true, "true"]}"#).bool == true)
        #expect(try resolve(#"{"Fn::Not": [{"Fn::Equals": [1, "1"]}]}"#).bool == false)
        #expect(try resolve(#"{"Fn::Or": [{"Condition": "IsDev"}, {"Fn::Equals": [{"Ref": "Env"}, "prod"]}]}"#).bool == true)
        #expect(try resolve(#"{"Fn::And": [{"Condition": "IsProd"}, {"Condition": "IsDev"}]}"#).bool == false)
        #expect(try resolve(#"{"Condition": "IsProd"}"#, ["Env": "x"]).bool == false)
        #expect(try resolve(#"{"Fn::Equals": [{"Ref": "AWS::AccountId"}, "1"]}"#).isUnknown)
    }

    // MARK: Fn::If

    @Test func ifFollowsDecidableConditions() throws {
        #expect(try resolve(#"{"Fn::If": ["IsProd", "a", "b"]}"#).string == "a")
        #expect(try resolve(#"{"Fn::If": ["IsProd", "a", "b"]}"#, ["Env": "dev"]).string == "b")
        #expect(try resolve(#"{"Fn::If": ["IsDev", "a", {"Ref": "AWS::NoValue"}]}"#) == .absent)
        #expect(try resolve(#"{"Fn::If": ["IsProd", {"Fn::If": ["IsDev", 1, 2]}, 3]}"#).string == "2")
        let why = try #require(try resolve(#"{"Fn::If": ["InUsEast", "a", "b"]}"#).unresolved)
        #expect(why.reason == "Fn::If depends on condition InUsEast, which cannot be decided: AWS::Region is known only at deploy time")
        #expect(why.position == pos(1, 1))
        #expect(try resolve(#"{"Fn::If": ["Undefined", "a", "b"]}"#).unresolved?.reason
            == "Fn::If depends on condition Undefined, which cannot be decided: condition Undefined is not defined")
        #expect(try resolve(#"{"Fn::If": ["IsProd", "a"]}"#).unresolved?.reason == "Fn::If needs a condition name and two values")
    }

    @Test func resourcePropertyThroughIf() throws {
        let resolver = try makeResolver()
        let bucket = try #require(resolver.template.resource(named: "Bucket"))
        #expect(resolver.resolve(bucket[property: "BucketName"]).string == "prod-bucket")
        #expect(try makeResolver(["Env": "dev"]).resolve(bucket[property: "BucketName"]) == .absent)
        #expect(resolver.resolve(bucket[property: "Missing"]) == .absent)
    }

    // MARK: Functions over values

    @Test func findInMap() throws {
        #expect(try resolve(#"{"Fn::FindInMap": ["RegionMap", {"Ref": "Env"}, "Ami"]}"#).string == "ami-1")
        #expect(try resolve(#"{"Fn::FindInMap": ["RegionMap", "prod", "Size"]}"#).value == Value(.number("10"), at: .start))
        // The value found is resolved in turn.
        #expect(try resolve(#"{"Fn::FindInMap": ["RegionMap", "dev", "Ami"]}"#).string == "prod")
        #expect(try resolve(#"{"Fn::FindInMap": ["RegionMap", "test", "Ami"]}"#).unresolved?.reason
            == "Fn::FindInMap: mapping RegionMap has no entry test.Ami")
        #expect(try resolve(#"{"Fn::FindInMap": ["RegionMap", "test", "Ami", {"DefaultValue": "ami-0"}]}"#).string == "ami-0")
        #expect(try resolve(#"{"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Ami"]}"#).unresolved?.reason
            == "AWS::Region is known only at deploy time")
    }

    @Test func join() throws {
        #expect(try resolve(#"{"Fn::Join": ["-", ["a", {"Ref": "Env"}, 3, true]]}"#).string == "a-prod-3-true")
        #expect(try resolve(#"{"Fn::Join": [",", {"Ref": "Subnets"}]}"#).string == "subnet-1,subnet-2,subnet-3")
        #expect(try resolve(#"{"Fn::Join": ["", ["a", {"Ref": "AWS::NoValue"}, "b"]]}"#).string == "ab")
        #expect(try resolve(#"{"Fn::Join": ["-", []]}"#).string == "")
        #expect(try resolve(#"{"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, {"Ref": "AWS::Region"}]]}"#).unresolved?.reason
            == "AWS::Region is known only at deploy time")
        #expect(try resolve(#"{"Fn::Join": ["-", [{"Ref": "Bucket"}]]}"#).unresolved?.reason
            == "list item refers to resource Bucket, known only once deployed")
        #expect(try resolve(#"{"Fn::Join": ["-", [["nested"]]]}"#).unresolved?.reason == "Fn::Join item is a list, not a string")
    }

    @Test func selectAndSplit() throws {
        #expect(try resolve(#"{"Fn::Select": [1, {"Ref": "Subnets"}]}"#).string == "subnet-2")
        #expect(try resolve(#"{"Fn::Select": ["0", ["x", {"Ref": "AWS::Region"}]]}"#).string == "x")
        #expect(try resolve(#"{"Fn::Select": [5, ["x", "y"]]}"#).unresolved?.reason == "Fn::Select index 5 is outside the list of 2")
        #expect(try resolve(#"{"Fn::Select": [0, {"Fn::GetAZs": ""}]}"#).unresolved?.reason
            == "Fn::GetAZs lists the region's availability zones, known only at deploy time")
        #expect(strings(try resolve(#"{"Fn::Split": [",", "a,,b"]}"#)) == ["a", "", "b"])
        #expect(strings(try resolve(#"{"Fn::Split": ["::", {"Fn::Sub": "x::${Env}"}]}"#)) == ["x", "prod"])
        #expect(try resolve(#"{"Fn::Select": [2, {"Fn::Split": ["-", "a-b-c"]}]}"#).string == "c")
        #expect(try resolve(#"{"Fn::Split": [",", {"Ref": "AWS::StackName"}]}"#).unresolved?.reason
            == "AWS::StackName is known only at deploy time")
    }

    @Test func sub() throws {
        #expect(try resolve(#"{"Fn::Sub": "${Env}-${AWS::Partition}-${!Literal}"}"#).string == "prod-aws-${Literal}")
        #expect(try resolve(#"{"Fn::Sub": ["${A}-${Env}", {"A": {"Ref": "Count"}}]}"#).string == "3-prod")
        #expect(try resolve(#"{"Fn::Sub": ["${Env}", {"Env": "shadowed"}]}"#).string == "shadowed")
        #expect(try resolve(#"{"Fn::Sub": "no references"}"#).string == "no references")
        let attribute = try #require(try resolve(#"{"Fn::Sub": "arn:${Bucket.Arn}"}"#).unresolved)
        #expect(attribute.reason == "Fn::Sub uses attribute Arn of resource Bucket, known only once deployed")
        #expect(try resolve(#"{"Fn::Sub": "${Bucket}"}"#).unresolved?.reason
            == "Fn::Sub uses resource Bucket, known only once deployed")
        #expect(try resolve(#"{"Fn::Sub": "${AWS::Region}"}"#).unresolved?.reason == "AWS::Region is known only at deploy time")
        #expect(try resolve(#"{"Fn::Sub": "${NoDefault}"}"#, ["NoDefault": "given"]).string == "given")
    }

    @Test func base64AndLength() throws {
        #expect(try resolve(#"{"Fn::Base64": "hello"}"#).string == "aGVsbG8=")
        #expect(try resolve(##"{"Fn::Base64": {"Fn::Sub": "#!/bin/sh\necho ${Env}"}}"##).string == "IyEvYmluL3NoCmVjaG8gcHJvZA==")
        #expect(try resolve(#"{"Fn::Base64": ""}"#).string == "")
        #expect(try resolve(#"{"Fn::Base64": {"Ref": "AWS::Region"}}"#).isUnknown)
        #expect(try resolve(#"{"Fn::Length": [1, 2, 3]}"#).value == Value(.number("3"), at: .start))
        #expect(try resolve(#"{"Fn::Length": {"Ref": "Subnets"}}"#).number == 3)
    }

    @Test func otherFunctionsAreUnknown() throws {
        #expect(try resolve(#"{"Fn::ImportValue": "x"}"#).unresolved?.reason == "Fn::ImportValue reads a value exported by another stack")
        #expect(try resolve(#"{"Fn::Cidr": ["10.0.0.0/16", 2, 8]}"#).unresolved?.reason == "Fn::Cidr is not evaluated by nag")
    }

    // MARK: Paths and lists

    @Test func resolveAtPath() throws {
        let resolver = try makeResolver()
        let document = try value(#"{"A": {"B": {"Fn::If": ["IsProd", {"C": {"Ref": "Env"}}, {}]}, "L": [1]}}"#)
        #expect(resolver.resolve(document, at: "A", "B", "C").string == "prod")
        #expect(resolver.resolve(document, at: ["A", "B", "D"]) == .absent)
        #expect(try makeResolver(["Env": "dev"]).resolve(document, at: "A", "B", "C") == .absent)
        #expect(resolver.resolve(document, at: "A", "L", "X").unresolved?.reason == "expected a map holding X, found a list")
        #expect(resolver.resolve(nil, at: "A") == .absent)
        let throughResource = try value(#"{"A": {"Ref": "Bucket"}}"#)
        #expect(resolver.resolve(throughResource, at: "A", "Arn").unresolved?.reason
            == "Arn is read from resource Bucket, which is not a literal")
        let throughUnknown = try value(#"{"A": {"Ref": "AWS::Region"}}"#)
        #expect(resolver.resolve(throughUnknown, at: "A", "B").unresolved?.reason == "AWS::Region is known only at deploy time")
    }

    @Test func resolveListDropsAbsentItems() throws {
        let resolver = try makeResolver()
        let items = try #require(resolver.resolveList(try value(#"["a", {"Ref": "AWS::NoValue"}, {"Ref": "Env"}, {"Ref": "Bucket"}]"#)))
        let resolved = try items.get()
        #expect(resolved.count == 3)
        #expect(resolved[0].string == "a")
        #expect(resolved[1].string == "prod")
        #expect(resolved[2].resourceLink?.logicalId == "Bucket")
        #expect(resolver.resolveList(nil) == nil)
        #expect(try resolver.resolveList(try value(#""single""#))?.get().map(\.string) == ["single"])
    }
}

@Suite struct AttributesFromPropertiesTests {
    static let template = """
    Parameters:
      Block: {Type: String, Default: 10.1.0.0/16}
      Pool: {Type: String}
    Resources:
      Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
      ParamVpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref Block}}
      IpamVpc: {Type: AWS::EC2::VPC, Properties: {Ipv4IpamPoolId: !Ref Pool, Ipv4NetmaskLength: 20}}
      Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
      Group:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: web
          VpcId: !Ref Vpc
          SecurityGroupIngress:
            - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !GetAtt Vpc.CidrBlock}
    """

    func resolve(_ yaml: String) throws -> Resolved {
        let template = try TemplateLoader().load(bytes: Array((Self.template + "\n  Probe: {Type: AWS::SNS::Topic, Properties: {TopicName: \(yaml)}}\n").utf8), file: "t.yaml")
        return Resolver(template: template).resolve(try #require(template.resource(named: "Probe")).properties["TopicName"])
    }

    @Test func anAttributeThatIsAPropertyResolvesToIt() throws {
        #expect(try resolve("!GetAtt Vpc.CidrBlock").string == "10.0.0.0/16")
        #expect(try resolve("!GetAtt ParamVpc.CidrBlock").string == "10.1.0.0/16")
        #expect(try resolve("!GetAtt Subnet.AvailabilityZone").string == "eu-west-1a")
        #expect(try resolve("!Sub '${Subnet.CidrBlock}'").string == "10.0.1.0/24")
    }

    @Test func otherwiseTheAttributeStaysAReference() throws {
        // The block comes from IPAM at deploy time; other attributes are known only once deployed.
        #expect(try resolve("!GetAtt IpamVpc.CidrBlock").resourceLink?.attribute == "CidrBlock")
        #expect(try resolve("!GetAtt Vpc.DefaultSecurityGroup").resourceLink?.logicalId == "Vpc")
        #expect(try resolve("!GetAtt Subnet.VpcId").resourceLink?.attribute == "VpcId")
    }

    @Test func ingressFromTheVPCsOwnBlockIsDecided() throws {
        let template = try TemplateLoader().load(bytes: Array(Self.template.utf8), file: "t.yaml")
        let findings = ExampleRunner.findings(of: EC2RestrictedInbound(), in: template)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
