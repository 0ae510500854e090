/// A Lambda function states how much memory it is given instead of taking the default.
struct LambdaDefaultMemorySize: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function does not set its memory size.",
        explanation: "Memory also sets the CPU share and network bandwidth a function gets, and so both its speed and its cost per invocation. The 128 MB default is seldom the right size: too small makes the function slow or makes it fail, too large wastes money. Setting it is a sign the function has been measured.",
        fix: "Set MemorySize (in MB) to the size that profiling the function shows it needs.",
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
                  MemorySize: 512
            """),
            .compliant("""
            Parameters:
              Memory:
                Type: Number
                Default: 1024
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  MemorySize: !Ref Memory
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
                  ↓MemorySize: "0"
            """),
            .unknown("""
            Parameters:
              Memory:
                Type: Number
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  MemorySize: ↓!Ref Memory
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let memory = Scalar(resource, "MemorySize", in: context)
        if memory.isAbsent { return .violation(at: resource.position, "MemorySize is not set") }
        if let why = memory.unresolved { return .unknown(why) }
        return IncludedNumber.truthy(memory) == true
            ? .compliant : .violation(at: resource.position(ofProperty: "MemorySize"), "MemorySize is 0 or empty")
    }
}
