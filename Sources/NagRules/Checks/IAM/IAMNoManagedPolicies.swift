/// AwsSolutions-IAM4: roles, users and groups do not attach AWS managed policies.
///
/// Granular: one finding per AWS managed policy, `Policy::<arn>` with the ARN flattened as cdk-nag flattens
/// it (`Policy::arn:<AWS::Partition>:iam::aws:policy/AdministratorAccess`).
struct IAMNoManagedPolicies: Check {
    let about = CheckAbout(
        resourceTypes: IAMPolicies.entityTypes,
        cause: "The IAM role, user or group attaches an AWS managed policy.",
        explanation: "AWS managed policies are written by AWS for many customers at once, so they often grant actions on every resource and change when AWS updates them. A policy you manage names only what this principal needs and changes only when you change it.",
        fix: "Replace the AWS managed policy ARN (`arn:…:iam::aws:policy/…`) in ManagedPolicyArns with a customer managed or inline policy scoped to the resources used; or suppress the finding (applies_to `Policy::…`) with the reason.",
        examples: [
            .compliant("""
            Resources:
              Scoped:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::data/report.csv
              Worker:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns:
                    - !Ref Scoped
                    - arn:aws:iam::123456789012:policy/team-boundary
            """),
            .nonCompliant("""
            Resources:
              Worker:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns:
                    - ↓!Join ["", ["arn:", !Ref "AWS::Partition", ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]
                    - ↓arn:aws:iam::aws:policy/ReadOnlyAccess
            """, findingIds: [
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "Policy::arn:aws:iam::aws:policy/ReadOnlyAccess",
            ]),
            .nonCompliant("""
            Resources:
              Admins:
                Type: AWS::IAM::Group
                Properties:
                  ManagedPolicyArns:
                    - ↓!Sub "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"
            """, findingIds: ["Policy::arn:<AWS::Partition>:iam::aws:policy/AdministratorAccess"]),
            .nonCompliant("""
            Conditions:
              Admin: !Equals [a, a]
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  ManagedPolicyArns: ↓!If [Admin, [arn:aws:iam::aws:policy/AdministratorAccess], []]
            """, findingIds: ["Policy::arn:aws:iam::aws:policy/AdministratorAccess"]),
            .compliant("""
            Parameters:
              Boundary:
                Type: String
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  ManagedPolicyArns: [!Ref Boundary]
            """),
            .unknown("""
            Parameters:
              Policies:
                Type: CommaDelimitedList
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  ManagedPolicyArns: ↓!Ref Policies
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        guard let written = resource[property: "ManagedPolicyArns"] else { return .compliant }
        // Items are matched as written (a Ref to a parameter is `<Name>`, as in users' suppressions); only a
        // list that is itself an intrinsic is resolved to find its items.
        let items: [Value]
        if let list = written.listValue {
            items = list
        } else {
            switch context.resolve(written) {
            case .value(let v): items = (v.listValue ?? [v]).map { Value($0.kind, at: written.position) }
            case .unknown(let why): return .unknown(why)
            case .absent, .resource: return .compliant
            }
        }
        var violations: [Violation] = []
        var seen = Set<String>()
        for item in items {
            let text = CdkNagText.flatten(item)
            guard text.contains(":iam::aws:"), seen.insert(text).inserted else { continue }
            violations.append(Violation(position: item.position, findingId: "Policy::\(text)"))
        }
        return .from(violations)
    }
}
