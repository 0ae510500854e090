/// AwsSolutions-EC23: security groups and ingress rules do not admit traffic from every address (`/0`).
struct EC2RestrictedInbound: Check {
    static let groupType = "AWS::EC2::SecurityGroup"
    static let ingressType = "AWS::EC2::SecurityGroupIngress"

    let about = CheckAbout(
        resourceTypes: [groupType, ingressType],
        cause: "The security group admits inbound traffic from 0.0.0.0/0 or ::/0.",
        explanation: "An ingress rule open to every IPv4 or IPv6 address exposes the instances behind the group to the whole internet, and makes it hard to trace who reached them. Open only the ports a service needs, and only to the networks that need them.",
        fix: "Replace the /0 CidrIp or CidrIpv6 with the narrowest range that needs access, or reference a source security group or prefix list.",
        examples: [
            // Differs from cdk-nag (docs/differences/compute.md, class 5): the VPC's own block, read through GetAtt.
            .compliant("""
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Internal:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: Traffic from inside the VPC
                  VpcId: !Ref Vpc
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: !GetAtt Vpc.CidrBlock
            """),
            .compliant("""
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web servers
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 10.0.0.0/16
            """),
            .nonCompliant("""
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web servers
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      ↓CidrIp: 0.0.0.0/0
            """),
            .nonCompliant("""
            Resources:
              Open:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  ↓CidrIpv6: ::/0
            """),
            .nonCompliant("""
            Parameters:
              Source:
                Type: String
                Default: 0.0.0.0/0
            Resources:
              Open:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  ↓CidrIp: !Ref Source
            """),
            .compliant("""
            Parameters:
              Source:
                Type: String
                Default: 10.1.0.0/16
            Resources:
              Open:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  CidrIp: !Ref Source
            """),
            .compliant("""
            Resources:
              FromGroup:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: "-1"
                  SourceSecurityGroupId: sg-87654321
                  CidrIp: !Ref AWS::NoValue
              Single:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: one rule written as a map
                  SecurityGroupIngress:
                    CidrIp: 10.1.2.3/32
                    IpProtocol: tcp
                    FromPort: 34
                    ToPort: 36
            """),
            .unknown("""
            Parameters:
              Source:
                Type: String
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web servers
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      CidrIp: ↓!Ref Source
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == Self.ingressType {
            return admitsNarrowly(resource.properties, fallback: resource.position, in: context).outcome
        }
        switch PropertyLookup.items(resource.properties["SecurityGroupIngress"], in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let rules)?:
            let fallback = resource.position(ofProperty: "SecurityGroupIngress")
            return Verdict.everyMap(in: rules) { admitsNarrowly($0, fallback: fallback, in: context) }.outcome
        }
    }

    /// Fails when CidrIp or CidrIpv6 contains `/0`, undecided when either is not a literal.
    private func admitsNarrowly(_ rule: ValueMap, fallback: Position, in context: RuleContext) -> Verdict {
        Verdict.every(["CidrIp", "CidrIpv6"]) { key in
            let cidr = Scalar(rule[key], in: context)
            if let why = cidr.unresolved { return .undecided(why) }
            guard let text = cidr.text, text.contains("/0") else { return .holds }
            return .fails(at: PropertyLookup.position(of: key, in: rule, else: fallback), "\(key) is \(text)")
        }
    }
}
