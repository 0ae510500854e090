/// No policy statement allows every action (`*`) on every resource (`*`, or an ARN ending in `*`).
struct IAMPolicyNoStatementsWithAdminAccess: Check {
    let about = CheckAbout(
        resourceTypes: IAMPolicies.broadAccessTypes,
        cause: "The IAM policy allows every action on every resource.",
        explanation: "A statement allowing \"*\" on \"*\" is full administrator access: whoever holds it can read and delete any data, change any permission, and cover their tracks. Least privilege grants only the actions a job needs, on the resources it needs them for.",
        fix: "Replace the statement with the actions the principal uses, on the ARNs of the resources it uses them on. Where administrator access is needed, grant it to a role assumed on demand, with MFA and logging.",
        examples: [
            .compliant("""
            Resources:
              Reader:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: [s3:GetObject, s3:ListBucket]
                        Effect: Allow
                        Resource: "*"
                      - Action: "*"
                        Effect: Deny
                        Resource: "*"
                      - Action: "*"
                        Effect: Allow
                        Resource: arn:aws:s3:::reports
            """),
            .nonCompliant("""
            Resources:
              Admin:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: ↓"*"
                        Effect: Allow
                        Resource: "*"
            """),
            .nonCompliant("""
            Resources:
              Deployer:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: deploy
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [cloudformation:*, ↓"*"]
                            Resource: [arn:aws:s3:::artifacts, "arn:aws:s3:::artifacts/*"]
            """),
            // The document as JSON text, and a resource built with Fn::Sub (cdk-nag reads neither).
            .nonCompliant("""
            Resources:
              Ops:
                Type: AWS::IAM::Group
                Properties:
                  Policies:
                    - PolicyName: all
                      PolicyDocument: ↓'{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}'
              All:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: all
                  Groups: [!Ref Ops]
                  PolicyDocument:
                    Statement:
                      - Action: ↓"*"
                        Effect: Allow
                        Resource: !Sub "arn:${AWS::Partition}:s3:::${AWS::AccountId}-data/*"
            """),
            .nonCompliant("""
            Parameters:
              Actions:
                Type: CommaDelimitedList
                Default: "s3:GetObject,*"
            Resources:
              Admin:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: ↓!Ref Actions
                        Effect: Allow
                        Resource: "*"
            """),
            // A policy under a condition nag cannot decide: neither branch grants administrator access.
            .compliant("""
            Parameters:
              Key:
                Type: String
            Conditions:
              HasKey: !Not [!Equals [!Ref Key, ""]]
            Resources:
              Reader:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - !If
                      - HasKey
                      - PolicyName: decrypt
                        PolicyDocument:
                          Statement:
                            - Effect: Allow
                              Action: kms:Decrypt
                              Resource: !Ref Key
                      - !Ref AWS::NoValue
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsDev: !Equals [!Ref Stage, dev]
            Resources:
              Admin:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - ↓!If
                        - IsDev
                        - {Action: "*", Effect: Allow, Resource: "*"}
                        - {Action: "s3:GetObject", Effect: Allow, Resource: "*"}
            """),
            .unknown("""
            Parameters:
              Action:
                Type: String
            Resources:
              Admin:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: ↓!Ref Action
                        Effect: Allow
                        Resource: "*"
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        IAMPolicies.grantsNoBroadAccess(resource, in: context, actions: { $0 == "*" },
                                        resources: { $0 == "*" || $0 == "arn*" || ($0.hasPrefix("arn:") && $0.hasSuffix("*")) },
                                        detail: "a statement allows every action on every resource")
    }
}
