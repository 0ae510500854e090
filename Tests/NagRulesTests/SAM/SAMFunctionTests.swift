import Foundation
import Testing
@testable import NagRules

@Suite struct SAMFunctionTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          MyFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key
              Handler: index.handler
              Runtime: python3.7
              Tracing: Active
              Policies:
                - AmazonS3ReadOnlyAccess
                - SQSPollerPolicy: {QueueName: jobs}
                - Statement:
                    - Effect: Allow
                      Action: s3:*
                      Resource: '*'
              Events:
                Get:
                  Type: Api
                  Properties: {Path: '/items/{id}', Method: get}
                Jobs:
                  Type: SQS
                  Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:jobs}
                Tick:
                  Type: Schedule
                  Properties: {Schedule: rate(1 hour)}
        """

    @Test func generatesTheTranslatorsLogicalIds() throws {
        let template = try SAMTest.load(Self.template)
        let ids = Set(template.resources.map(\.logicalId))
        for id in ["MyFunction", "MyFunctionRole", "MyFunctionGetPermissionProd", "MyFunctionJobs", "MyFunctionTick",
                   "MyFunctionTickPermission", "ServerlessRestApi", "ServerlessRestApiProdStage"] {
            #expect(ids.contains(id), "missing \(id) in \(ids.sorted())")
        }
        #expect(ids.contains { $0.hasPrefix("ServerlessRestApiDeployment") && $0.count == "ServerlessRestApiDeployment".count + 10 })
        #expect(template.resources.allSatisfy { $0.generatedFrom == "MyFunction" })
        #expect(template.resource(named: "MyFunction")?.type == "AWS::Lambda::Function")
    }

    @Test func theRuntimeKeepsItsPosition() throws {
        let function = try #require(try SAMTest.load(Self.template).resource(named: "MyFunction"))
        #expect(function[property: "Runtime"]?.position == Position(line: 8, column: 16))
        #expect(function[property: "TracingConfig"]?["Mode"]?.stringValue == "Active")
    }

    @Test func theRoleHoldsManagedPoliciesTemplatesAndStatements() throws {
        let role = try #require(try SAMTest.load(Self.template).resource(named: "MyFunctionRole"))
        let arns = role[property: "ManagedPolicyArns"]?.listValue?.compactMap(\.stringValue)
        #expect(arns == [
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
        ])
        let policies = try #require(role[property: "Policies"]?.listValue)
        #expect(policies.compactMap { $0["PolicyName"]?.stringValue } == ["MyFunctionRolePolicy1", "MyFunctionRolePolicy2"])
        let template = try #require(policies[0]["PolicyDocument"]?["Statement"]?.listValue?.first)
        #expect(template["Action"]?.listValue?.compactMap(\.stringValue).contains("sqs:ReceiveMessage") == true)
        #expect(template.position == Position(line: 12, column: 11), "a policy template's statements point at its entry")
        let written = try #require(policies[1]["PolicyDocument"]?["Statement"]?.listValue?.first)
        #expect(written["Action"]?.position == Position(line: 15, column: 23))
    }

    @Test func aWildcardStatementIsReportedAtThePoliciesEntryAndNamesItsSource() throws {
        let findings = try SAMTest.findings(Self.template)
        let wildcard = try #require(findings.first { $0.ruleId == "AwsSolutions-IAM5" && $0.findingId == "Action::s3:*" })
        #expect(wildcard.resource.logicalId == "MyFunctionRole")
        #expect(wildcard.location.line == 13 || wildcard.location.line == 14 || wildcard.location.line == 15)
        #expect(findings.contains { $0.ruleId == "AwsSolutions-L1" && $0.resource.logicalId == "MyFunction" && $0.location.line == 8 })
    }

    @Test func aSuppressionOnTheServerlessResourceCoversWhatItGenerates() throws {
        let suppressed = Self.template.replacingOccurrences(
            of: "    Type: AWS::Serverless::Function\n",
            with: "    Type: AWS::Serverless::Function\n    Metadata:\n      cdk_nag:\n        rules_to_suppress:\n          - {id: AwsSolutions-IAM5, reason: 'The function reads any object by design.'}\n")
        let findings = try SAMTest.findings(suppressed)
        let iam5 = findings.filter { $0.ruleId == "AwsSolutions-IAM5" && $0.resource.logicalId == "MyFunctionRole" }
        #expect(!iam5.isEmpty && iam5.allSatisfy(\.isSuppressed))
    }

    @Test func anUnknownEventTypeIsALocatedErrorAndTheRestIsStillChecked() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Broken:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://bucket/key
                  Events:
                    Odd:
                      Type: Carrier
              Fine:
                Type: AWS::Serverless::SimpleTable
            """)
        let error = try #require(template.diagnostics.first { $0.severity == .error })
        #expect(error.location.position == Position(line: 8, column: 9))
        #expect(error.message.contains("unknown type Carrier"))
        #expect(template.resource(named: "Broken") == nil)
        #expect(template.resource(named: "Fine")?.type == "AWS::DynamoDB::Table")
    }

    @Test func aFunctionWithoutCodeIsRejected() throws {
        let template = try SAMTest.load("""
            Transform: [AWS::Serverless-2016-10-31]
            Resources:
              NoCode:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: index.handler
            """)
        #expect(template.diagnostics.contains { $0.severity == .error && $0.message.contains("CodeUri, InlineCode or ImageUri") })
    }

    @Test func withoutTheTransformNothingIsExpanded() throws {
        let template = try SAMTest.load("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: s3://b/k}
            """)
        #expect(template.resources.map(\.type) == ["AWS::Serverless::Function"])
    }
}
