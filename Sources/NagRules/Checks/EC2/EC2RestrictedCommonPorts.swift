/// Security groups and ingress rules do not open common administration and database ports to every IPv4
/// address, nor allow all traffic.
struct EC2RestrictedCommonPorts: Check {
    /// FTP data and control, RDP, and MySQL-family database ports.
    static let ports: [Double] = [20, 21, 3389, 3309, 3306, 4333]

    let about = CheckAbout(
        resourceTypes: [EC2IngressRules.groupType, EC2IngressRules.ingressType],
        cause: "The security group allows all traffic, or opens a common administration or database port (20, 21, 3389, 3306, 3309, 4333) to 0.0.0.0/0.",
        explanation: "FTP, remote desktop and database listeners reachable from the whole internet are scanned and attacked within minutes of going up. A TCP rule counts as open when its CidrIp is a /0 and its port range covers one of these ports (or is -1); a rule with protocol -1 allows every port and counts whatever its source.",
        fix: "Allow these ports only from the address ranges or security groups that need them, and replace protocol -1 rules with rules for the specific protocols and ports.",
        examples: [
            .compliant("""
            Resources:
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0
                    - IpProtocol: tcp
                      FromPort: 3306
                      ToPort: 3306
                      CidrIp: 10.0.0.0/16
            """),
            .nonCompliant("""
            Resources:
              Database:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: database
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 3300
                      ToPort: 3310
                      ↓CidrIp: 0.0.0.0/0
            """),
            .nonCompliant("""
            Resources:
              Everything:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  ↓IpProtocol: "-1"
                  SourceSecurityGroupId: sg-87654321
            """),
            .nonCompliant("""
            Parameters:
              Port:
                Type: Number
                Default: 3389
            Resources:
              Rdp:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: !Ref Port
                  ↓CidrIp: 0.0.0.0/0
            """),
            .compliant("""
            Resources:
              Dns:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: udp
                  FromPort: 0
                  ToPort: 65535
                  CidrIp: !GetAtt Network.CidrBlock
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
            """),
            .unknown("""
            Parameters:
              Protocol:
                Type: String
            Resources:
              Rule:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: ↓!Ref Protocol
                  FromPort: 3389
                  ToPort: 3389
                  CidrIp: 10.0.0.0/8
            """),
            .unknown("""
            Parameters:
              Source:
                Type: String
            Resources:
              Rdp:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: remote desktop
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 3389
                      ToPort: 3389
                      CidrIp: ↓!Ref Source
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        EC2IngressRules.outcome(of: resource, in: context) { rule in
            let protocolName = rule.scalar("IpProtocol")
            if let why = protocolName.unresolved { return .undecided(why) }
            if protocolName.text == "-1" { return .fails(at: rule.position(of: "IpProtocol"), "the rule allows all traffic") }
            guard protocolName.text == "tcp" else { return .holds }
            let cidr = rule.scalar("CidrIp")
            if let why = cidr.unresolved { return .undecided(why) }
            guard let source = cidr.text, source.contains("/0") else { return .holds }
            let from = rule.scalar("FromPort"), to = rule.scalar("ToPort")
            let closed = Verdict.every(Self.ports) { EC2IngressRules.opens($0, from: from, to: to).negated }
            guard closed.truth == .fails else { return closed }
            return .fails(at: rule.position(of: "CidrIp"), "\(openPorts(from: from, to: to)) open to \(source)")
        }
    }

    private func openPorts(from: Scalar, to: Scalar) -> String {
        let open = Self.ports.filter { EC2IngressRules.opens($0, from: from, to: to).truth == .holds }
        return (open.count == 1 ? "port " : "ports ") + open.map { String(Int($0)) }.joined(separator: ", ") + (open.count == 1 ? " is" : " are")
    }
}
