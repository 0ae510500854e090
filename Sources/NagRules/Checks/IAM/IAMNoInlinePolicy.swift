/// Roles, users and groups carry no inline policies, and the template declares no inline policy resource.
struct IAMNoInlinePolicy: Check {
    let about = CheckAbout(
        resourceTypes: [IAMPolicies.roleType, IAMPolicies.userType, IAMPolicies.groupType, IAMPolicies.policyType],
        cause: "The IAM role, user or group has an inline policy, or the template declares an inline policy (AWS::IAM::Policy).",
        explanation: "An inline policy lives inside one identity: it cannot be reused, has no versions to roll back to, and is easy to miss when reviewing who may do what. Managed policies are listed in one place, attached wherever they are needed, and versioned.",
        fix: "Move the statements into an AWS::IAM::ManagedPolicy (or use AWS managed policies) and attach it through ManagedPolicyArns or the managed policy's Roles, Users and Groups.",
        examples: [
            .compliant("""
            Resources:
              App:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns: [!Ref ReadData]
              ReadData:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: s3:GetObject
                        Effect: Allow
                        Resource: arn:aws:s3:::data/*
            """),
            .nonCompliant("""
            Resources:
              App:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ↓Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Action: s3:GetObject
                            Effect: Allow
                            Resource: arn:aws:s3:::data/*
            """),
            .nonCompliant("""
            Resources:
              ↓ReadData:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  Roles: [app]
                  PolicyDocument:
                    Statement:
                      - Action: s3:GetObject
                        Effect: Allow
                        Resource: arn:aws:s3:::data/*
            """),
            .nonCompliant("""
            Resources:
              Ops:
                Type: AWS::IAM::Group
                Properties:
                  ↓Policies: []
            """),
            .compliant("""
            Parameters:
              Extra:
                Type: String
                Default: "no"
            Conditions:
              WithExtra: !Equals [!Ref Extra, "yes"]
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Policies: !If
                    - WithExtra
                    - [{PolicyName: extra, PolicyDocument: {Statement: []}}]
                    - !Ref AWS::NoValue
            """),
            .unknown("""
            Parameters:
              Extra:
                Type: String
            Conditions:
              WithExtra: !Equals [!Ref Extra, "yes"]
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Policies: ↓!If
                    - WithExtra
                    - [{PolicyName: extra, PolicyDocument: {Statement: []}}]
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == IAMPolicies.policyType {
            return .violation(at: resource.position, "AWS::IAM::Policy is an inline policy")
        }
        switch Presence(resource[property: "Policies"], in: context) {
        case .absent: return .compliant
        case .unknown(let why): return .unknown(why)
        case .present: return .violation(at: resource.position(ofProperty: "Policies"), "Policies holds inline policies")
        }
    }
}
