import Testing
@testable import NagRules

@Suite struct SAMApiAndTableTests {
    @Test func anApiGetsADeploymentAndAStageWithItsSettings() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              MyApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: dev
                  TracingEnabled: true
                  MethodSettings:
                    - {LoggingLevel: INFO, ResourcePath: '/*', HttpMethod: '*'}
            """)
        #expect(template.resource(named: "MyApi")?.type == "AWS::ApiGateway::RestApi")
        let stage = try #require(template.resource(named: "MyApidevStage"))
        #expect(stage.type == "AWS::ApiGateway::Stage")
        #expect(stage[property: "TracingEnabled"]?.boolValue == true)
        #expect(stage[property: "MethodSettings"]?.position.line == 9)
        let deployment = try #require(template.resources.first { $0.type == "AWS::ApiGateway::Deployment" })
        #expect(deployment.logicalId.hasPrefix("MyApiDeployment"))
        #expect(stage[property: "DeploymentId"]?.intrinsicValue?.refTarget == deployment.logicalId)
    }

    @Test func aStageWithoutAccessLogsIsReportedOnTheGeneratedStage() throws {
        let findings = try SAMTest.findings("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              MyApi:
                Type: AWS::Serverless::Api
                Properties: {StageName: dev}
            """)
        let apig1 = try #require(findings.first { $0.ruleId == "AwsSolutions-APIG1" })
        #expect(apig1.resource.logicalId == "MyApidevStage")
        #expect(apig1.location.position == Position(line: 3, column: 3), "no stage setting to point at: the Serverless resource")
    }

    @Test func aSimpleTableIsADynamoDBTableBilledPerRequest() throws {
        let table = try #require(try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  PrimaryKey: {Name: pk, Type: Number}
            """).resource(named: "Table"))
        #expect(table.type == "AWS::DynamoDB::Table")
        #expect(table[property: "BillingMode"]?.stringValue == "PAY_PER_REQUEST")
        #expect(table[property: "AttributeDefinitions"]?.listValue?.first?["AttributeType"]?.stringValue == "N")
        #expect(table.generatedFrom == "Table")
    }

    @Test func aLayerVersionIsRetainedUnderAHashedId() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Layer:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: s3://bucket/layer.zip}
            """)
        let layer = try #require(template.resources.first)
        #expect(layer.type == "AWS::Lambda::LayerVersion")
        #expect(layer.logicalId.count == "Layer".count + 10 && layer.logicalId.hasPrefix("Layer"))
        #expect(layer.definition["DeletionPolicy"]?.stringValue == "Retain")
        #expect(layer[property: "Content"]?["S3Key"]?.stringValue == "layer.zip")
    }
}
