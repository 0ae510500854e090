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
            // One policy nag cannot resolve (its text needs the region) does not hide the certain findings of another.
            .nonCompliant("""
            Resources:
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: kms
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ↓"kms:*"
                            Resource: ↓"*"
                    - PolicyName: logs
                      PolicyDocument: !Sub |
                        {"Statement": [{"Effect": "Allow", "Action": "logs:PutLogEvents",
                          "Resource": "arn:aws:logs:${AWS::Region}:123456789012:log-group:app"}]}
            """, findingIds: ["Action::kms:*", "Resource::*"]),
            // Sub text whose variables fill only ARNs: the wildcards do not depend on them.
            .nonCompliant("""
            Resources:
              Data:
                Type: AWS::S3::Bucket
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: data
                      PolicyDocument: ↓!Sub
                        - '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "${Arn}/*"},
                            {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:${AWS::Region}:123456789012:jobs"}]}'
                        - Arn: !GetAtt Data.Arn
            """, findingIds: ["Action::s3:*", "Resource::<Arn>/*"]),
            // An undecided condition: what both branches grant is certain.
            .nonCompliant("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              Prod: !Equals [!Ref Stage, prod]
            Resources:
              Logs:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [↓!If [Prod, "logs:Put*", "logs:Put*"], !If [Prod, logs:CreateLogStream, logs:CreateLogGroup]]
                        Resource: arn:aws:logs:eu-west-1:123456789012:log-group:app
            """, findingIds: ["Action::logs:Put*"]),
            .unknown("""
            Parameters:
              Service:
                Type: String
            Resources:
              Send:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: !Sub ↓'{"Statement": {"Effect": "Allow", "Action": "${Service}:Send", "Resource": "arn:aws:sqs:eu-west-1:123456789012:jobs"}}'
            """),
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
        PolicyWildcards(context: context).findings(in: resource).outcome
    }
}
