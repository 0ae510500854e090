/// AwsSolutions-VPC3: network ACLs are flagged for review; security groups are the preferred control.
struct VPCNoNACLs: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry"],
        cause: "A network ACL or network ACL entry is declared.",
        explanation: "Network ACLs are stateless and apply to whole subnets, so they are easy to get wrong and hard to troubleshoot: a missing return-traffic rule silently breaks connections. Security groups, which are stateful and attached to the resources they protect, are usually the better tool for controlling traffic.",
        fix: "Control traffic with security groups; keep a network ACL only where a subnet-wide, stateless rule is really needed, and suppress the finding there with a reason.",
        examples: [
            .compliant("""
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web servers
            """),
            .nonCompliant("""
            Resources:
              ↓Acl:
                Type: AWS::EC2::NetworkAcl
                Properties:
                  VpcId: vpc-12345678
              ↓DenyAll:
                Type: AWS::EC2::NetworkAclEntry
                Properties:
                  NetworkAclId: !Ref Acl
                  RuleNumber: 100
                  Protocol: -1
                  RuleAction: deny
                  CidrBlock: 0.0.0.0/0
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        .violation(at: resource.position)
    }
}
