/// AwsSolutions-IAM5: policies grant no wildcard actions or resources without a suppression that gives the evidence.
///
/// Granular: one finding per wildcard, `Action::<action>` or `Resource::<resource>` (the resource flattened as
/// cdk-nag flattens it, `Resource::<Bucket.Arn>/*`), reported on the resource the policy is written in.
struct IAMNoWildcardPermissions: Check {
    let about = CheckAbout(
        resourceTypes: IAMPolicies.entityTypes.union([IAMPolicies.policyType, IAMPolicies.managedPolicyType]),
        cause: "The IAM policy allows wildcard actions or resources.",
        explanation: "A `*` in an allowed action or resource grants more than the statement names: every matching action, today's and future ones, on every matching resource. Each wildcard should be either narrowed or suppressed with the evidence that it is needed, so a reviewer can see why it is there. Deny statements are not checked.",
        fix: "List the actions and resource ARNs the principal needs; where a wildcard is required, suppress that finding (applies_to `Action::…` or `Resource::…`) with the reason.",
        examples: [
            .compliant("""
            Resources:
              Reader:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [s3:GetObject]
                            Resource: arn:aws:s3:::data/report.csv
                          - Effect: Deny
                            Action: "*"
                            Resource: "*"
            """),
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
              DataAccess:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: data
                  Roles: [app]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ↓s3:*
                        Resource:
                          - !GetAtt Data.Arn
                          - ↓!Sub "${Data.Arn}/*"
            """, findingIds: ["Action::s3:*", "Resource::<Data.Arn>/*"]),
            .nonCompliant("""
            Resources:
              Admin:
                Type: AWS::IAM::User
                Properties:
                  Policies:
                    - PolicyName: a
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [↓"ec2:Describe*", ec2:StartInstances]
                            Resource: ↓"*"
                    - PolicyName: b
                      PolicyDocument:
                        Statement:
                          Effect: Allow
                          Action: ↓logs:*
                          Resource: ↓!Join ["", ["arn:", !Ref "AWS::Partition", ":logs:*:*:*"]]
            """, findingIds: ["Action::ec2:Describe*", "Resource::*", "Action::logs:*", "Resource::arn:<AWS::Partition>:logs:*:*:*"]),
            .nonCompliant("""
            Parameters:
              Actions:
                Type: CommaDelimitedList
                Default: "sqs:SendMessage,sqs:Get*"
            Resources:
              Send:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ↓!Ref Actions
                        Resource: arn:aws:sqs:eu-west-1:123456789012:jobs
            """, findingIds: ["Action::sqs:Get*"]),
            .nonCompliant("""
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Send:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [↓!If [Never, sqs:SendMessage, "sqs:*"]]
                        Resource: arn:aws:sqs:eu-west-1:123456789012:jobs
            """, findingIds: ["Action::sqs:*"]),
            // cdk-nag throws on an Allow statement without Action (NotAction) and reports the bare rule id.
            .nonCompliant("""
            Resources:
              NotIam:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: not-iam
                  Groups: [ops]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        NotAction: iam:*
                        Resource: ↓"*"
            """, findingIds: ["Resource::*"]),
            // The document as JSON text (cdk-nag reads no statements from text and finds nothing).
            .nonCompliant("""
            Resources:
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: root
                      PolicyDocument: ↓!Sub |
                        {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${AWS::Partition}"}]}
            """, findingIds: ["Action::*"]),
            .unknown("""
            Parameters:
              Action:
                Type: String
            Resources:
              Send:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ↓!Ref Action
                        Resource: arn:aws:sqs:eu-west-1:123456789012:jobs
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let documents: [PolicyDocument]
        switch IAMPolicies.documents(of: resource, in: context) {
        case .success(let d): documents = d
        case .failure(let why): return .unknown(why)
        }
        var violations: [Violation] = []
        var seen = Set<String>()
        func add(_ finding: String, at position: Position) {
            if seen.insert(finding).inserted { violations.append(Violation(position: position, findingId: finding)) }
        }
        for document in documents {
            let statements: [PolicyStatement]
            switch document.statements(in: context) {
            case .success(let s): statements = s
            case .failure(let why): return .unknown(why)
            }
            for statement in statements {
                let effect = statement.effect(in: context)
                if let why = effect.unresolved { return .unknown(why) }
                guard effect.string == "Allow" else { continue }
                switch statement.strings("Action", in: context) {
                case .failure(let why): return .unknown(why)
                case .success(let actions):
                    for action in actions where action.text.contains("*") { add("Action::\(action.text)", at: action.position) }
                }
                // Resources are reported as written (flattened), the text users' suppressions name.
                for item in statement.writtenItems(of: "Resource") {
                    let text = CdkNagText.flatten(item)
                    if text.contains("*") { add("Resource::\(text)", at: item.position) }
                }
            }
        }
        return .from(violations)
    }
}
