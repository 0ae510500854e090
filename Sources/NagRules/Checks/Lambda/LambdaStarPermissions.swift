/// An IAM role that Lambda assumes allows no `*` or `service:*` action and no `*` resource in its inline policies.
struct LambdaStarPermissions: Check {
    let about = CheckAbout(
        resourceTypes: [IAMPolicies.roleType],
        cause: "The IAM role of a Lambda function allows every action of a service, or every resource.",
        explanation: "A function's role holds whatever its code and its dependencies can do. A wildcard action (* or service:*) or a wildcard resource (*) grants far more than the function needs, so a flaw in the code or a compromised dependency reaches every resource of the service instead of the few the function uses. Partial wildcards such as s3:Get* are not flagged. Only roles whose trust policy names lambda.amazonaws.com, and their inline policies, are read.",
        fix: "List the exact actions the function calls and the ARNs of the resources it uses in each Allow statement of the role's inline policies.",
        examples: [
            .compliant("""
            Resources:
              HandlerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: read-orders
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [dynamodb:GetItem, dynamodb:Query, s3:Get*]
                            Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/orders
                          - Effect: Allow
                            Action: [logs:CreateLogStream, logs:PutLogEvents]
                            Resource: !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/*"
                          - Effect: Deny
                            Action: "*"
                            Resource: "*"
            """),
            // Not a Lambda role: read by the IAM rules, not by this one.
            .compliant("""
            Resources:
              InstanceRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: ec2.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: everything
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Action: "*", Resource: "*"}
            """),
            // A principal from a parameter is text, never a map naming a service.
            .compliant("""
            Parameters:
              Trusted:
                Type: String
            Resources:
              ProxyRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: !Ref Trusted
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: everything
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Action: "*", Resource: "*"}
            """),
            .nonCompliant("""
            Resources:
              HandlerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: read-orders
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action:
                              - ↓dynamodb:*
                            Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/orders
            """),
            .nonCompliant("""
            Resources:
              HandlerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: !Sub lambda.${AWS::URLSuffix}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: logs
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [logs:CreateLogStream, logs:PutLogEvents]
                            Resource: ↓"*"
            """),
            .nonCompliant("""
            Parameters:
              Actions:
                Type: CommaDelimitedList
                Default: "s3:GetObject,*"
            Resources:
              HandlerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ↓!Ref Actions
                            Resource: arn:aws:s3:::orders/*
            """),
            // Known in part: whatever the service, the action is all of it.
            .nonCompliant("""
            Parameters:
              Service:
                Type: String
            Resources:
              HandlerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: service
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ↓!Sub "${Service}:*"
                            Resource: arn:aws:s3:::orders/*
            """),
            .unknown("""
            Parameters:
              Action:
                Type: String
            Resources:
              HandlerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ↓!Ref Action
                            Resource: arn:aws:s3:::orders/*
            """),
            .unknown("""
            Parameters:
              Runner:
                Type: String
            Conditions:
              OnLambda: !Equals [!Ref Runner, lambda]
            Resources:
              RunnerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: ↓!If [OnLambda, {Service: lambda.amazonaws.com}, {Service: ec2.amazonaws.com}]
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: everything
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Action: "*", Resource: arn:aws:s3:::orders/*}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        // The cheaper and more often decisive test first: most roles grant no wildcard.
        let wildcard = Self.wildcardGrant(in: resource, context: context)
        if wildcard.truth == .fails { return .compliant }
        let lambda = Self.assumedByLambda(resource, context: context)
        switch lambda.truth {
        case .fails: return .notApplicable
        case .undecided: return lambda.outcome
        case .holds: return wildcard.negated.outcome
        }
    }
}

extension LambdaStarPermissions {
    /// Whether the role's trust policy lets the Lambda service assume it: a statement whose `Principal.Service`
    /// is, or lists, `lambda.amazonaws.com`.
    static func assumedByLambda(_ role: Resource, context: RuleContext) -> Verdict {
        let statements: [PolicyStatement]
        switch PolicyDocument.read(role[property: "AssumeRolePolicyDocument"], reading: .strict, in: context)
            .flatMap({ $0.map { $0.statements(in: context) } ?? .success([]) }) {
        case .failure(let why): return .undecided(why)
        case .success(let found): statements = found
        }
        return Verdict.some(statements, otherwise: .fails) { statement in
            let principal = statement.read("Principal", in: context)
            if let why = principal.unresolved {
                // Only a map names a service: a principal that can only be text (a parameter, Fn::Sub) does not.
                return mayBeMap(statement["Principal"], in: context) ? .undecided(why) : .fails
            }
            return Verdict.some(items(principal.map?["Service"], in: context), otherwise: .fails) { service in
                judge(service, as: "service", in: context) { $0.couldEqual("lambda.amazonaws.com") }
            }
        }
    }

    /// Whether a value nag cannot resolve may still come to a map: only through `Fn::If` (a parameter, an
    /// attribute or the result of any other function is text or a list).
    private static func mayBeMap(_ value: Value?, in context: RuleContext) -> Bool {
        guard let value else { return false }
        if value.mapValue != nil { return true }
        guard let function = value.intrinsicValue, function.name == .if else { return false }
        let args = function.arguments
        guard args.count == 3, let name = args[0].stringValue else { return false }
        switch context.resolver.condition(named: name) {
        case .success(let truth): return mayBeMap(args[truth ? 1 : 2], in: context)
        case .failure: return mayBeMap(args[1], in: context) || mayBeMap(args[2], in: context)
        }
    }

    /// Whether an Allow statement of the role's inline policies names a wildcard action (`*`, `service:*`) or
    /// the wildcard resource (`*`): holds at the first such item.
    static func wildcardGrant(in role: Resource, context: RuleContext) -> Verdict {
        let documents: [PolicyDocument]
        switch IAMPolicies.documents(of: role, in: context) {
        case .failure(let why): return .undecided(why)
        case .success(let found): documents = found
        }
        return Verdict.some(documents, otherwise: .fails) { document in
            switch document.statements(in: context) {
            case .failure(let why): return .undecided(why)
            case .success(let statements):
                return Verdict.some(statements, otherwise: .fails) { grantsWildcard($0, in: context) }
            }
        }
    }

    private static func grantsWildcard(_ statement: PolicyStatement, in context: RuleContext) -> Verdict {
        let effect = statement.effect(in: context)
        if let why = effect.unresolved { return .undecided(why) }
        guard effect.string == "Allow" else { return .fails }
        let actions = Verdict.some(items(statement["Action"], in: context), otherwise: .fails) { action in
            judge(action, as: "action", in: context) { action in
                switch (action.couldEqual("*"), action.hasSuffix(":*")) {
                case (true?, _), (_, true?): true
                case (false?, false?): false
                default: nil
                }
            }
        }
        if actions.truth == .holds { return actions }
        let resources = Verdict.some(items(statement["Resource"], in: context), otherwise: .fails) { item in
            judge(item, as: "resource", in: context) { $0.couldEqual("*") }
        }
        return Verdict.some([actions, resources], otherwise: .fails) { $0 }
    }

    /// One item of a policy field: where it is written, the value it comes from and that value resolved.
    private typealias Item = (position: Position, written: Value, resolved: Resolved)

    /// The items of a policy field, each resolved: a written list's items (an item that resolves to a list
    /// gives its items), or the whole value; items that come to nothing are dropped.
    private static func items(_ value: Value?, in context: RuleContext) -> [Item] {
        PolicyReading.writtenItems(value).flatMap { item -> [Item] in
            let resolved = context.resolve(item)
            let values = resolved.list.map { $0.map { ($0, context.resolve($0)) } } ?? [(item, resolved)]
            return values.filter { !$0.1.isAbsent }.map { (item.position, $0.0, $0.1) }
        }
    }

    /// Holds when the item is text that passes `test`, or text known in part (``PartialText``) that passes it
    /// whatever fills its gaps; undecided when that depends on the gaps. A reference to a resource (a name or
    /// ARN) and anything that is not text fail.
    private static func judge(_ item: Item, as field: String, in context: RuleContext, _ test: (PartialText) -> Bool?) -> Verdict {
        let text: PartialText
        if let known = item.resolved.string {
            text = PartialText(known)
        } else if item.resolved.isUnknown {
            text = PartialText(item.written, in: context)
        } else {
            return .fails
        }
        switch test(text) {
        case true?: return .holds([Witness(position: item.position, detail: "an Allow statement names the \(field) \(text.literal)")])
        case false?: return .fails
        case nil: return item.resolved.unresolved.map(Verdict.undecided) ?? .fails
        }
    }
}
