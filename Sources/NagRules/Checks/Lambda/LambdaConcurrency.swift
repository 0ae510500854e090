/// A Lambda function reserves a number of concurrent executions for itself.
struct LambdaConcurrency: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function does not reserve concurrent executions.",
        explanation: "Without reserved concurrency a function shares the account's concurrency pool: a burst of traffic to it can starve every other function in the region, and its own invocations can be throttled by theirs. A reservation guarantees it that many executions and caps it there. A reservation of 0 stops the function from running at all.",
        fix: "Set ReservedConcurrentExecutions to the highest number of executions the function should run at once (greater than 0).",
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
                  ReservedConcurrentExecutions: 20
            """),
            .compliant("""
            Parameters:
              Concurrency:
                Type: Number
                Default: 10
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ReservedConcurrentExecutions: !Ref Concurrency
            """),
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
                  ↓ReservedConcurrentExecutions: "0"
            """),
            .nonCompliant("""
            Parameters:
              Concurrency:
                Type: Number
                Default: 0
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ↓ReservedConcurrentExecutions: !Ref Concurrency
            """),
            .unknown("""
            Parameters:
              Concurrency:
                Type: Number
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ReservedConcurrentExecutions: ↓!Ref Concurrency
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let reserved = Scalar(resource, "ReservedConcurrentExecutions", in: context)
        if reserved.isAbsent { return .violation(at: resource.position, "ReservedConcurrentExecutions is not set") }
        if let why = reserved.unresolved { return .unknown(why) }
        return IncludedNumber.number(reserved) == 0
            ? .violation(at: resource.position(ofProperty: "ReservedConcurrentExecutions"), "ReservedConcurrentExecutions is 0")
            : .compliant
    }
}
