/// A Lambda function states how long it may run instead of taking the default timeout.
struct LambdaDefaultTimeout: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function does not set its timeout.",
        explanation: "The default timeout of 3 seconds rarely matches what a function does: too short and work is cut off in the middle, too long (up to 15 minutes) and a stuck call keeps running and billing. A timeout chosen for the work also bounds how long callers and retries wait.",
        fix: "Set Timeout (in seconds) to a little more than the longest the function should take.",
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
                  Timeout: 30
            """),
            .compliant("""
            Parameters:
              Seconds:
                Type: Number
                Default: 60
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  Timeout: !Ref Seconds
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
            Parameters:
              Seconds:
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
                  ↓Timeout: !Ref Seconds
            """),
            .unknown("""
            Parameters:
              Seconds:
                Type: Number
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  Timeout: ↓!Ref Seconds
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let timeout = Scalar(resource, "Timeout", in: context)
        if timeout.isAbsent { return .violation(at: resource.position, "Timeout is not set") }
        if let why = timeout.unresolved { return .unknown(why) }
        return IncludedNumber.truthy(timeout) == true
            ? .compliant : .violation(at: resource.position(ofProperty: "Timeout"), "Timeout is 0 or empty")
    }
}
