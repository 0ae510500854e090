import Testing
@testable import NagRules

@Suite struct SAMStateMachineTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ↓Machine:
            Type: AWS::Serverless::StateMachine
            Properties:
              Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: s3:*
                      Resource: '*'
              Events:
                Tick:
                  Type: Schedule
                  Properties: {Schedule: rate(1 hour), DeadLetterConfig: {Type: SQS}}
                Later:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: rate(1 day)}
                Get:
                  Type: Api
                  Properties: {Path: /, Method: get}
        """

    @Test func generatesTheTranslatorsLogicalIds() throws {
        let template = try SAMTest.load(SAMTest.marked(Self.template).text)
        let types = Dictionary(uniqueKeysWithValues: template.resources.map { ($0.logicalId, $0.type) })
        let expected = [
            "Machine": "AWS::StepFunctions::StateMachine", "MachineRole": "AWS::IAM::Role", "MachineTick": "AWS::Events::Rule",
            "MachineTickRole": "AWS::IAM::Role", "MachineTickQueue": "AWS::SQS::Queue", "MachineTickQueuePolicy": "AWS::SQS::QueuePolicy",
            "MachineLater": "AWS::Scheduler::Schedule", "MachineLaterRole": "AWS::IAM::Role", "MachineGetRole": "AWS::IAM::Role",
            "ServerlessRestApi": "AWS::ApiGateway::RestApi",
        ]
        for (id, type) in expected {
            #expect(types[id] == type, "\(id): \(types[id] ?? "missing")")
        }
        let role = try #require(template.resource(named: "MachineRole"))
        #expect(role[property: "AssumeRolePolicyDocument"]?["Statement"]?.listValue?.first?["Principal"]?["Service"]?.listValue?.first?.stringValue
                == "states.amazonaws.com")
        let target = template.resource(named: "MachineTick")?[property: "Targets"]?.listValue?.first
        #expect(target?["DeadLetterConfig"]?["Arn"]?.intrinsicValue?.getAttTarget?.resource == "MachineTickQueue")
    }

    @Test func loggingAndTracingAreCheckedOnTheStateMachine() throws {
        let (text, position) = SAMTest.marked(Self.template)
        let findings = try SAMTest.findings(text)
        let sf1 = try #require(findings.first { $0.ruleId == "AwsSolutions-SF1" })
        #expect(sf1.resource.logicalId == "Machine")
        #expect(sf1.location.position == position)
        #expect(findings.contains { $0.ruleId == "AwsSolutions-SF2" && $0.resource.logicalId == "Machine" })
        #expect(findings.contains { $0.ruleId == "AwsSolutions-IAM5" && $0.resource.logicalId == "MachineRole" && $0.findingId == "Action::s3:*" })
        #expect(findings.contains { $0.ruleId == "AwsSolutions-SQS3" && $0.resource.logicalId == "MachineTickQueue" })
    }

    @Test func tracingAddsTheXRayPolicyAndClearsSF2() throws {
        let traced = SAMTest.marked(Self.template).text.replacingOccurrences(
            of: "      Policies:\n", with: "      Tracing: {Enabled: true}\n      Policies:\n")
        let template = try SAMTest.load(traced)
        let arns = template.resource(named: "MachineRole")?[property: "ManagedPolicyArns"]?.listValue?.compactMap(\.stringValue)
        #expect(arns == ["arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"])
        #expect(try !SAMTest.findings(traced).contains { $0.ruleId == "AwsSolutions-SF2" })
    }

    @Test func anEventTypeAStateMachineDoesNotTakeIsALocatedError() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: s3://bucket/machine.json
                  Events:
                    Jobs:
                      Type: SQS
            """)
        let error = try #require(template.diagnostics.first { $0.severity == .error })
        #expect(error.location.position == Position(line: 8, column: 9))
        #expect(error.message.contains("state machine does not accept"))
        #expect(template.resource(named: "Machine") == nil)
    }

    @Test func aStateMachineWithoutADefinitionIsRejected() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: nothing
            """)
        #expect(template.diagnostics.contains { $0.severity == .error && $0.message.contains("Definition or DefinitionUri") })
    }
}

@Suite struct SAMApplicationTests {
    @Test func anApplicationIsANestedStack() throws {
        let template = try SAMTest.load("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Nested:
                Type: AWS::Serverless::Application
                Properties:
                  Location: https://bucket.s3.amazonaws.com/nested.yaml
                  Parameters: {Stage: prod}
              Missing:
                Type: AWS::Serverless::Application
                Properties: {}
            """)
        let stack = try #require(template.resource(named: "Nested"))
        #expect(stack.type == "AWS::CloudFormation::Stack")
        #expect(stack[property: "TemplateURL"]?.stringValue == "https://bucket.s3.amazonaws.com/nested.yaml")
        #expect(template.diagnostics.contains { $0.severity == .error && $0.message.contains("Missing") && $0.message.contains("Location") })
    }
}
