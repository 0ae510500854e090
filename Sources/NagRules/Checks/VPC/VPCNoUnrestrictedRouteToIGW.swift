/// A route through a gateway does not send every address (a /0 destination) to it.
struct VPCNoUnrestrictedRouteToIGW: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::EC2::Route"],
        cause: "The route sends 0.0.0.0/0 or ::/0 to a gateway.",
        explanation: "A default route to an internet gateway makes every subnet associated with the route table a public subnet: its instances can reach, and with public addresses be reached from, anywhere. The check reports any route with a GatewayId whose IPv4 or IPv6 destination is a /0.",
        fix: "Route only the address ranges that need to go through the gateway, and send the private subnets' internet traffic through a NAT gateway (NatGatewayId) instead.",
        examples: [
            .compliant("""
            Resources:
              ToPartner:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  GatewayId: vgw-12345678
                  DestinationCidrBlock: 192.168.0.0/16
              ThroughNat:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  NatGatewayId: nat-12345678
                  DestinationCidrBlock: 0.0.0.0/0
            """),
            .nonCompliant("""
            Resources:
              Gateway:
                Type: AWS::EC2::InternetGateway
              Default:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  GatewayId: !Ref Gateway
                  ↓DestinationCidrBlock: 0.0.0.0/0
            """),
            .nonCompliant("""
            Parameters:
              Destination:
                Type: String
                Default: ::/0
            Resources:
              DefaultV6:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  GatewayId: igw-12345678
                  ↓DestinationIpv6CidrBlock: !Ref Destination
            """),
            .compliant("""
            Parameters:
              Public:
                Type: String
                Default: "no"
            Conditions:
              IsPublic: !Equals [!Ref Public, "yes"]
            Resources:
              Default:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  GatewayId: !If [IsPublic, igw-12345678, !Ref AWS::NoValue]
                  NatGatewayId: !If [IsPublic, !Ref AWS::NoValue, nat-12345678]
                  DestinationCidrBlock: 0.0.0.0/0
            """),
            .unknown("""
            Parameters:
              Destination:
                Type: String
            Resources:
              Route:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  GatewayId: igw-12345678
                  DestinationCidrBlock: ↓!Ref Destination
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Conditions:
              IsPublic: !Equals [!Ref Public, "yes"]
            Resources:
              Default:
                Type: AWS::EC2::Route
                Properties:
                  RouteTableId: rtb-12345678
                  GatewayId: ↓!If [IsPublic, igw-12345678, !Ref AWS::NoValue]
                  DestinationCidrBlock: 0.0.0.0/0
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let bounded = Verdict.every(["DestinationCidrBlock", "DestinationIpv6CidrBlock"]) { key in
            let destination = Scalar(resource, key, in: context)
            if let why = destination.unresolved { return .undecided(why) }
            guard let cidr = destination.text, cidr.contains("/0") else { return .holds }
            return .fails(at: resource.position(ofProperty: key), "\(key) is \(cidr)")
        }
        if bounded.truth == .holds { return .compliant }
        switch Presence(resource[property: "GatewayId"], in: context) {
        case .absent: return .compliant
        case .unknown(let why): return .unknown(why)
        case .present: return bounded.outcome
        }
    }
}
