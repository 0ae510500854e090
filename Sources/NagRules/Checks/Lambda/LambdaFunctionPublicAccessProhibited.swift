/// A Lambda permission for the `*` principal is narrowed to an organization, a source account or a source ARN.
struct LambdaFunctionPublicAccessProhibited: Check {
    static let conditions = ["PrincipalOrgID", "SourceAccount", "SourceArn"]

    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Permission"],
        cause: "The Lambda permission lets anyone invoke the function.",
        explanation: "A permission with Principal * and nothing that narrows it adds a statement to the function's resource policy that lets any AWS account, and often anyone on the internet, call the function. That exposes whatever the function can reach and runs up its cost. PrincipalOrgID, SourceAccount or SourceArn limit such a permission to one organization, account or resource.",
        fix: "Name the service or account that should invoke the function as Principal, or keep * and set PrincipalOrgID, SourceAccount or SourceArn.",
        examples: [
            .compliant("""
            Resources:
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: handler
                  Principal: s3.amazonaws.com
                  SourceAccount: "123456789012"
            """),
            .compliant("""
            Resources:
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: handler
                  Principal: "*"
                  PrincipalOrgID: o-a1b2c3d4e5
            """),
            .nonCompliant("""
            Resources:
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: handler
                  ↓Principal: "*"
            """),
            .nonCompliant("""
            Parameters:
              Caller:
                Type: String
                Default: "*"
              SourceBucket:
                Type: String
                Default: ""
            Conditions:
              HasSource: !Not [!Equals [!Ref SourceBucket, ""]]
            Resources:
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: handler
                  ↓Principal: !Ref Caller
                  SourceArn: !If [HasSource, !Sub "arn:${AWS::Partition}:s3:::${SourceBucket}", !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Caller:
                Type: String
            Resources:
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: handler
                  Principal: ↓!Ref Caller
            """),
            .unknown("""
            Parameters:
              SourceBucket:
                Type: String
            Conditions:
              HasSource: !Not [!Equals [!Ref SourceBucket, ""]]
            Resources:
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: handler
                  Principal: "*"
                  SourceArn: ↓!If [HasSource, !Sub "arn:${AWS::Partition}:s3:::${SourceBucket}", !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let principal = context.resolve(resource, "Principal")
        // A resource's name or ARN is never the wildcard.
        if principal.resourceLink != nil { return .compliant }
        let everyone = principal.scalar.unresolved.map(Verdict.undecided) ?? .from(principal.string == "*")
        let unrestricted = Verdict.every(Self.conditions) { key in
            switch Presence(resource[property: key], in: context) {
            case .present: .fails
            case .absent: .holds
            case .unknown(let why): .undecided(why)
            }
        }
        let verdict = Verdict.every([everyone, unrestricted]) { $0 }
        switch verdict.truth {
        case .holds: return .violation(at: resource.position(ofProperty: "Principal"), "Principal is * and nothing narrows it")
        case .fails: return .compliant
        case .undecided: return verdict.outcome
        }
    }
}
