/// IAM users get no policies of their own: none inline or managed on the user, and no policy attached to users.
struct IAMUserNoPolicies: Check {
    let about = CheckAbout(
        resourceTypes: [IAMPolicies.userType, IAMPolicies.policyType, IAMPolicies.managedPolicyType],
        cause: "An IAM policy is attached to an IAM user rather than to a group or role.",
        explanation: "Permissions attached user by user are hard to review and tend to outlive the need for them. Granted to groups or roles instead, each permission is defined once for a job function, and a user's access follows from the groups it belongs to.",
        fix: "Remove Policies and ManagedPolicyArns from the user and Users from the policy; attach the policies to a group (Groups) and make the user a member of it.",
        examples: [
            .compliant("""
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [!Ref Operators]
              Operators:
                Type: AWS::IAM::Group
                Properties:
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
              Extra:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Groups: [!Ref Operators]
                  PolicyDocument:
                    Statement:
                      - Action: s3:GetObject
                        Effect: Allow
                        Resource: arn:aws:s3:::data/*
            """),
            .nonCompliant("""
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  ↓ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
            """),
            .nonCompliant("""
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
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
              Operator:
                Type: AWS::IAM::User
              Read:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  ↓Users: [!Ref Operator]
                  PolicyDocument:
                    Statement:
                      - Action: s3:GetObject
                        Effect: Allow
                        Resource: arn:aws:s3:::data/*
            """),
            .compliant("""
            Parameters:
              Direct:
                Type: String
                Default: "no"
            Conditions:
              Attached: !Equals [!Ref Direct, "yes"]
            Resources:
              Read:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Users: !If [Attached, [operator], !Ref AWS::NoValue]
                  PolicyDocument:
                    Statement:
                      - Action: s3:GetObject
                        Effect: Allow
                        Resource: arn:aws:s3:::data/*
            """),
            .unknown("""
            Parameters:
              Direct:
                Type: String
            Conditions:
              Attached: !Equals [!Ref Direct, "yes"]
            Resources:
              Read:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  Users: ↓!If [Attached, [operator], !Ref AWS::NoValue]
                  PolicyDocument:
                    Statement:
                      - Action: s3:GetObject
                        Effect: Allow
                        Resource: arn:aws:s3:::data/*
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let properties = resource.type == IAMPolicies.userType ? ["Policies", "ManagedPolicyArns"] : ["Users"]
        return Verdict.every(properties) { property in
            switch Presence(resource[property: property], in: context) {
            case .absent: .holds
            case .unknown(let why): .undecided(why)
            case .present: .fails(at: resource.position(ofProperty: property),
                                  property == "Users" ? "the policy is attached to users" : "the user has \(property)")
            }
        }.outcome
    }
}
