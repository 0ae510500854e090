/// AwsSolutions-SF2: a state machine has X-Ray tracing enabled.
struct StepFunctionStateMachineXray: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::StepFunctions::StateMachine"],
        cause: "The Step Functions state machine does not have X-Ray tracing enabled.",
        explanation: "X-Ray traces follow a request through the state machine and the services it calls, showing where time is spent and where calls fail, including permission errors.",
        fix: "Set TracingConfiguration.Enabled to true.",
        examples: [
            .compliant("""
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
                  TracingConfiguration: {Enabled: true}
            """),
            .nonCompliant("""
            Resources:
              ↓Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
            """),
            .nonCompliant("""
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
                  TracingConfiguration:
                    ↓Enabled: "false"
            """),
            .unknown("""
            Parameters:
              Trace:
                Type: String
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/flow
                  DefinitionString: "{}"
                  TracingConfiguration:
                    Enabled: ↓!Ref Trace
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let tracing = context.resolve(resource, "TracingConfiguration")
        if let why = tracing.unresolved { return .unknown(why) }
        guard let map = tracing.map else {
            return .violation(at: tracing.isAbsent ? resource.position : resource.position(ofProperty: "TracingConfiguration"))
        }
        let enabled = context.resolve(map["Enabled"])
        if let why = enabled.unresolved { return .unknown(why) }
        return enabled.bool == true ? .compliant
            : .violation(at: map.entry("Enabled")?.keyPosition ?? resource.position(ofProperty: "TracingConfiguration"))
    }
}
