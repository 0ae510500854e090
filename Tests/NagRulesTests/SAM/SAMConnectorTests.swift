import Testing
@testable import NagRules

@Suite struct SAMConnectorTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: x
              Handler: index.handler
              Runtime: python3.12
            Connectors:
              ToTable:
                Properties:
                  Destination: {Id: Table}
                  Permissions: [Read]
          Table:
            Type: AWS::Serverless::SimpleTable
          Link:
            Type: AWS::Serverless::Connector
            Properties:
              Source: {Id: Fn}
              Destination: {Id: Table}
              Permissions: ↓[Read, Write]
        """

    @Test func aConnectorWritesAManagedPolicyOnTheSourceRole() throws {
        let template = try SAMTest.load(SAMTest.marked(Self.template).text)
        let policy = try #require(template.resource(named: "LinkPolicy"))
        #expect(policy.type == "AWS::IAM::ManagedPolicy")
        #expect(policy.generatedFrom == "Link")
        #expect(policy[property: "Roles"]?.listValue?.first?.intrinsicValue?.refTarget == "FnRole")
        let statements = policy[property: "PolicyDocument"]?["Statement"]?.listValue ?? []
        #expect(statements.count == 2)
        let embedded = try #require(template.resource(named: "FnToTablePolicy"))
        #expect(embedded.generatedFrom == "Fn")
        #expect(embedded[property: "PolicyDocument"]?["Statement"]?.listValue?.count == 1)
    }

    @Test func endsWrittenByServerlessTypeAndArnAreResolved() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Link:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Type: AWS::Serverless::Function, RoleName: TeamRole}
                  Destination: {Type: AWS::Serverless::SimpleTable, Arn: arn:aws:dynamodb:us-east-1:123456789012:table/notes}
                  Permissions: [Read]
              Bucket:
                Type: AWS::S3::Bucket
            """)
        let policy = try #require(template.resource(named: "LinkPolicy"))
        #expect(policy[property: "Roles"]?.listValue?.first?.stringValue == "TeamRole")
        let resources = policy[property: "PolicyDocument"]?["Statement"]?.listValue?.first?["Resource"]?.listValue
        #expect(resources?.first?.stringValue == "arn:aws:dynamodb:us-east-1:123456789012:table/notes")
    }

    @Test func theIndexWildcardIsReportedAtThePermissions() throws {
        let (text, position) = SAMTest.marked(Self.template)
        let findings = try SAMTest.findings(text).filter { $0.ruleId == "AwsSolutions-IAM5" && $0.resource.logicalId == "LinkPolicy" }
        let wildcard = try #require(findings.first)
        #expect(wildcard.findingId?.contains("/index/*") == true)
        #expect(wildcard.location.position == position)
    }

    @Test func aSuppressionWrittenUnderAGeneratedIdCoversOnlyThatResource() throws {
        let suppressed = SAMTest.marked(Self.template).text.replacingOccurrences(of: "Resources:\n", with: """
            Metadata:
              FnRole:
                cdk_nag:
                  rules_to_suppress:
                    - {id: AwsSolutions-IAM4, reason: 'The basic execution role is what the team uses.'}
            Resources:

            """)
        let findings = try SAMTest.findings(suppressed)
        let iam4 = findings.filter { $0.ruleId == "AwsSolutions-IAM4" }
        #expect(!iam4.isEmpty && iam4.allSatisfy { $0.resource.logicalId == "FnRole" && $0.isSuppressed })
        #expect(findings.contains { $0.ruleId == "AwsSolutions-IAM5" && $0.resource.logicalId == "LinkPolicy" && !$0.isSuppressed })
    }

    @Test func aGraphQLApiGetsItsLoggingRoleDataSourcesAndTheirPolicies() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::GraphQLApi
                Properties:
                  SchemaInline: 'type Query { a: String }'
                  Auth: {Type: AWS_IAM}
                  DataSources:
                    DynamoDb:
                      Notes: {TableName: notes}
            """)
        for id in ["Api", "ApiCloudWatchRole", "ApiSchema", "ApiNotesDynamoDBDataSource", "ApiNotesDynamoDBDataSourceRole",
                   "ApiNotesDynamoDBDataSourceToTableConnectorPolicy"] {
            #expect(template.resource(named: id) != nil, "missing \(id)")
        }
        #expect(template.resource(named: "Api")?[property: "LogConfig"]?["FieldLogLevel"]?.stringValue == "ALL")
    }

    @Test func aWebSocketApiGetsRoutesIntegrationsPermissionsAndAStage() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes:
                    $connect: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:connect}
                    send: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:send}
            """)
        for id in ["Chat", "ChatConnectRoute", "ChatConnectIntegration", "ChatConnectPermission", "ChatSendRoute", "ChatDefaultStage"] {
            #expect(template.resource(named: id) != nil, "missing \(id)")
        }
        #expect(template.resource(named: "Chat")?[property: "ProtocolType"]?.stringValue == "WEBSOCKET")
    }

    @Test func aDeploymentPreferenceAddsCodeDeployAndItsRole() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: python3.12
                  AutoPublishAlias: live
                  DeploymentPreference: {Type: Linear10PercentEvery1Minute}
                  EventInvokeConfig:
                    DestinationConfig:
                      OnFailure: {Type: SQS}
            """)
        #expect(template.resource(named: "FnDeploymentGroup")?.type == "AWS::CodeDeploy::DeploymentGroup")
        #expect(template.resource(named: "ServerlessDeploymentApplication")?.type == "AWS::CodeDeploy::Application")
        #expect(template.resource(named: "CodeDeployServiceRole")?[property: "ManagedPolicyArns"]?.listValue?.first?.stringValue
                == "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda")
        #expect(template.resource(named: "FnEventInvokeConfigOnFailureQueue")?.type == "AWS::SQS::Queue")
        let inline = template.resource(named: "FnRole")?[property: "Policies"]?.listValue?.compactMap { $0["PolicyName"]?.stringValue }
        #expect(inline == ["FnEventInvokeConfigOnFailureSQSPolicy"])
    }
}
