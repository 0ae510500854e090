/// A Lambda function traces its invocations with AWS X-Ray (active tracing).
struct LambdaTracing: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function does not have active X-Ray tracing.",
        explanation: "With active tracing, Lambda samples invocations and records them in X-Ray along with the calls the function makes, so latency, cold starts and errors can be followed across the services a request goes through. In PassThrough mode (the default) the function only forwards a trace it was handed.",
        fix: "Set TracingConfig.Mode to Active and allow the function's role to write to X-Ray (the AWSXRayDaemonWriteAccess policy).",
        examples: [
            .compliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  TracingConfig:
                    Mode: Active
            """),
            .nonCompliant("""
            Parameters:
              Tracing:
                Type: String
                AllowedValues: [Active, PassThrough]
                Default: Active
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  TracingConfig:
                    ↓Mode: !Ref Tracing
            """, when: "Tracing=PassThrough"),
            .nonCompliant("""
            Resources:
              ↓Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
            """),
            .nonCompliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  TracingConfig:
                    ↓Mode: PassThrough
            """),
            .nonCompliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ↓TracingConfig: {}
            """),
            .unknown("""
            Parameters:
              Tracing:
                Type: String
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  TracingConfig:
                    Mode: ↓!Ref Tracing
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let mode = PropertyLookup.find(resource, "TracingConfig", "Mode", in: context)
        let value = mode.resolved.scalar
        if let why = value.unresolved { return .unknown(why) }
        return value.text == "Active" ? .compliant : .violation(at: mode.position, "TracingConfig.Mode is not Active")
    }
}
