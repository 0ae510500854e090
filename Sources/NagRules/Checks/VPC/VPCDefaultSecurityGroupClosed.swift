/// A VPC's default security group is closed: CDK's restrict-default-security-group custom resource removes
/// its rules.
///
/// cdk-nag looks for that custom resource beside the VPC in the CDK construct tree, which a deployed
/// template no longer has, so on a plain template it reports every VPC. nag finds the custom resource
/// through the template instead: a `Custom::VpcRestrictDefaultSG` whose `DefaultSecurityGroupId` refers to
/// the VPC (`!GetAtt Vpc.DefaultSecurityGroup`, as CDK writes it).
struct VPCDefaultSecurityGroupClosed: Check {
    static let restrictType = "Custom::VpcRestrictDefaultSG"

    let about = CheckAbout(
        resourceTypes: ["AWS::EC2::VPC"],
        cause: "The VPC's default security group is not restricted.",
        explanation: "Every VPC comes with a default security group that lets its members talk to each other and reach anywhere. Resources created without an explicit group land in it, silently gaining that access. Closing the default group (no inbound or outbound rules) makes every access a deliberate choice. CloudFormation cannot change the default group itself; CDK does it with a Custom::VpcRestrictDefaultSG resource.",
        fix: "In CDK, keep restrictDefaultSecurityGroup enabled on the Vpc (the default with the feature flag @aws-cdk/aws-ec2:restrictDefaultSecurityGroup); otherwise remove the default group's rules with a custom resource that receives !GetAtt <Vpc>.DefaultSecurityGroup.",
        examples: [
            .compliant("""
            Resources:
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              NetworkRestrictDefaultSecurityGroupCustomResource:
                Type: Custom::VpcRestrictDefaultSG
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:restrict-default-sg
                  DefaultSecurityGroupId: !GetAtt Network.DefaultSecurityGroup
                  Account: !Ref AWS::AccountId
            """),
            .nonCompliant("""
            Resources:
              ↓Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
            """),
            .nonCompliant("""
            Resources:
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              ↓Other:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.1.0.0/16
              NetworkRestrictDefaultSecurityGroupCustomResource:
                Type: Custom::VpcRestrictDefaultSG
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:restrict-default-sg
                  DefaultSecurityGroupId: !Sub "${Network.DefaultSecurityGroup}"
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let restricting = context.graph.resources(referencing: resource, ofType: Self.restrictType,
                                                  at: ["Properties", "DefaultSecurityGroupId"])
        return restricting.isEmpty ? .violation(at: resource.position, "no Custom::VpcRestrictDefaultSG closes the default security group") : .compliant
    }
}
