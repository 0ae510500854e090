/// An IAM user belongs to at least one group.
struct IAMUserGroupMembership: Check {
    let about = CheckAbout(
        resourceTypes: [IAMPolicies.userType],
        cause: "The IAM user is not a member of any IAM group.",
        explanation: "Permissions granted to groups, by role or job function, are reviewed and changed once for everyone who holds them; permissions granted user by user drift apart and are hard to audit. A user outside every group gets its permissions some other way.",
        fix: "List the user's groups in Groups (or add it with AWS::IAM::UserToGroupAddition) and grant permissions to the groups.",
        examples: [
            .compliant("""
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [!Ref Operators]
              Operators:
                Type: AWS::IAM::Group
            """),
            .nonCompliant("""
            Resources:
              ↓Operator:
                Type: AWS::IAM::User
                Properties:
                  UserName: operator
            """),
            .nonCompliant("""
            Parameters:
              InGroup:
                Type: String
                Default: "false"
            Conditions:
              Grouped: !Equals [!Ref InGroup, "true"]
            Resources:
              ↓Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: !If [Grouped, [operators], !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Groups:
                Type: CommaDelimitedList
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: !Ref Groups
            """),
            .unknown("""
            Parameters:
              InGroup:
                Type: String
            Conditions:
              Grouped: !Equals [!Ref InGroup, "true"]
            Resources:
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: ↓!If [Grouped, [operators], !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "Groups"], in: context) {
        case .absent: return .violation(at: resource.position, "Groups is not set")
        case .unknown(let why): return .unknown(why)
        case .present: return .compliant
        }
    }
}
