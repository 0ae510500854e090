/// Security groups and ingress rules do not open SSH (TCP port 22) to every address.
struct EC2RestrictedSSH: Check {
    let about = CheckAbout(
        resourceTypes: [EC2IngressRules.groupType, EC2IngressRules.ingressType],
        cause: "The security group allows SSH (port 22) from 0.0.0.0/0 or ::/0.",
        explanation: "SSH open to the whole internet invites constant password guessing and exploits of the SSH server, and a single weak or leaked key then gives shell access. A rule counts as open when its CidrIp or CidrIpv6 is a /0 and its port range covers 22 (or is -1), or its protocol is -1 (all traffic).",
        fix: "Limit port 22 to the address ranges of your administrators or bastion, or drop inbound SSH and reach instances with Systems Manager Session Manager.",
        examples: [
            .compliant("""
            Resources:
              Admin:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: administration
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: 10.20.0.0/16
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0
            """),
            .nonCompliant("""
            Resources:
              Admin:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: administration
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0
                    - IpProtocol: tcp
                      FromPort: 0
                      ToPort: 1024
                      ↓CidrIp: 0.0.0.0/0
            """),
            .nonCompliant("""
            Resources:
              Open:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: "-1"
                  ↓CidrIpv6: ::/0
            """),
            .nonCompliant("""
            Parameters:
              Source:
                Type: String
                Default: 0.0.0.0/0
            Resources:
              Ssh:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 22
                  ↓CidrIp: !Ref Source
            """),
            .compliant("""
            Parameters:
              Source:
                Type: String
                Default: 192.168.0.0/24
            Resources:
              Ssh:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: !Ref Source
            """),
            .unknown("""
            Parameters:
              Source:
                Type: String
            Resources:
              Ssh:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: ↓!Ref Source
            """),
            .unknown("""
            Parameters:
              Port:
                Type: Number
            Resources:
              Admin:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: administration
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: ↓!Ref Port
                      ToPort: 2222
                      CidrIp: 0.0.0.0/0
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        EC2IngressRules.outcome(of: resource, in: context) { rule in
            // The first CIDR written as a /0, else undecided at one nag cannot resolve.
            var open: String?
            for key in ["CidrIp", "CidrIpv6"] where rule.scalar(key).text?.contains("/0") == true {
                open = key
                break
            }
            guard let open else {
                let why = rule.scalar("CidrIp").unresolved ?? rule.scalar("CidrIpv6").unresolved
                return why.map(Verdict.undecided) ?? .holds
            }
            let everything = rule.scalar("IpProtocol")
            if everything.text == "-1" { return .fails(at: rule.position(of: open), "all traffic is allowed from \(rule.scalar(open).text ?? "")") }
            let verdict = EC2IngressRules.opens(22, from: rule.scalar("FromPort"), to: rule.scalar("ToPort"))
            switch verdict.truth {
            case .holds: return .fails(at: rule.position(of: open), "port 22 is open to \(rule.scalar(open).text ?? "")")
            case .undecided: return verdict
            case .fails: return everything.unresolved.map(Verdict.undecided) ?? .holds
            }
        }
    }
}
