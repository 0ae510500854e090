/// AwsSolutions-EC27: a security group has a description of at least two characters.
struct EC2SecurityGroupDescription: Check {
    let about = CheckAbout(
        resourceTypes: [EC2RestrictedInbound.groupType],
        cause: "The security group has no meaningful description.",
        explanation: "A description says what a security group is for. Without one, reviewers cannot tell whether its rules are still needed or too wide.",
        fix: "Set GroupDescription to a sentence saying what the group protects and who may reach it.",
        examples: [
            .compliant("""
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: HTTPS from the load balancer
            """),
            .nonCompliant("""
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  ↓GroupDescription: x
            """),
            .unknown("""
            Parameters:
              Text:
                Type: String
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: ↓!Ref Text
            """),
            .nonCompliant("""
            Parameters:
              Text:
                Type: String
                Default: "-"
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  ↓GroupDescription: !Ref Text
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let description = Scalar(resource, "GroupDescription", in: context)
        if let why = description.unresolved { return .unknown(why) }
        guard let text = description.text else { return .violation(at: resource.position) }
        return text.utf16.count < 2 ? .violation(at: resource.position(ofProperty: "GroupDescription")) : .compliant
    }
}
