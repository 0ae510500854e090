/// AwsSolutions-L1: a (non-container) Lambda function uses the latest runtime of its language.
struct LambdaLatestVersion: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function does not use the latest runtime of its language.",
        explanation: "Each language runtime is deprecated when its version reaches end of life, after which it gets no security patches and, in time, functions using it can no longer be updated. Staying on the latest runtime avoids that debt. Container-image functions (no Runtime) and OS-only runtimes (provided*) are not checked.",
        fix: "Set Runtime to the latest version of the language (the latest nag knows, e.g. nodejs24.x, python3.14, java25, dotnet10, ruby4.0) and test the function on it.",
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
            """),
            .compliant("""
            Resources:
              Image:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  PackageType: Image
                  Code: {ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1}
            """),
            .nonCompliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "exports.handler = async () => {}"}
                  Handler: index.handler
                  ↓Runtime: nodejs18.x
            """),
            .nonCompliant("""
            Parameters:
              Runtime:
                Type: String
                Default: java17
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {S3Bucket: code, S3Key: handler.zip}
                  Handler: app.Handler
                  ↓Runtime: !Ref Runtime
            """),
            .unknown("""
            Parameters:
              Runtime:
                Type: String
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {S3Bucket: code, S3Key: handler.zip}
                  Handler: app.Handler
                  Runtime: ↓!Ref Runtime
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let resolved = context.resolve(resource, "Runtime")
        if let why = resolved.unresolved { return .unknown(why) }
        if resolved.isAbsent { return .notApplicable }
        guard let runtime = resolved.string else {
            return .violation(at: resource.position(ofProperty: "Runtime"), "Runtime is not a string")
        }
        if runtime.isEmpty { return .notApplicable }
        guard let family = LambdaRuntimes.family(of: runtime) else {
            return .violation(at: resource.position(ofProperty: "Runtime"), "\(runtime) is not a Lambda runtime name")
        }
        if family == "provided" { return .notApplicable }
        guard let latest = LambdaRuntimes.latest(of: family) else {
            return .violation(at: resource.position(ofProperty: "Runtime"), "\(runtime) is not a runtime nag knows")
        }
        return runtime == latest ? .compliant
            : .violation(at: resource.position(ofProperty: "Runtime"), "the latest \(family) runtime is \(latest)")
    }
}
