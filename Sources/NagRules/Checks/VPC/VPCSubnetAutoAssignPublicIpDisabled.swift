/// A subnet does not give the instances launched in it public IPv4 or IPv6 addresses on its own.
struct VPCSubnetAutoAssignPublicIpDisabled: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::EC2::Subnet"],
        cause: "The subnet assigns public IPv4 addresses or IPv6 addresses to the network interfaces launched in it.",
        explanation: "With MapPublicIpOnLaunch or AssignIpv6AddressOnCreation on, every instance launched into the subnet gets an internet-routable address unless it asks otherwise, so instances meant to be private can end up reachable from the internet.",
        fix: "Set MapPublicIpOnLaunch and AssignIpv6AddressOnCreation to false (or leave them out), and give a public address only to the instances that need one.",
        examples: [
            .compliant("""
            Resources:
              Private:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-12345678
                  CidrBlock: 10.0.1.0/24
                  MapPublicIpOnLaunch: false
            """),
            .nonCompliant("""
            Resources:
              Public:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-12345678
                  CidrBlock: 10.0.0.0/24
                  ↓MapPublicIpOnLaunch: true
            """),
            .nonCompliant("""
            Parameters:
              Ipv6:
                Type: String
                Default: "true"
            Resources:
              DualStack:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-12345678
                  CidrBlock: 10.0.2.0/24
                  Ipv6CidrBlock: 2001:db8:1234:1a00::/64
                  ↓AssignIpv6AddressOnCreation: !Ref Ipv6
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-12345678
                  CidrBlock: 10.0.0.0/24
                  MapPublicIpOnLaunch: ↓!Ref Public
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Verdict.every(["MapPublicIpOnLaunch", "AssignIpv6AddressOnCreation"]) { key in
            let setting = Scalar(resource, key, in: context)
            if let why = setting.unresolved { return .undecided(why) }
            return setting.bool == true ? .fails(at: resource.position(ofProperty: key), "\(key) is true") : .holds
        }.outcome
    }
}
