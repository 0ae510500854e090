/// No network interface of an EC2 instance asks for a public IPv4 address.
struct EC2InstanceNoPublicIp: Check {
    let about = CheckAbout(
        resourceTypes: [EC2InstanceDetailedMonitoringEnabled.instanceType],
        cause: "A network interface of the EC2 instance associates a public IP address.",
        explanation: "An instance with a public address can be reached from the internet whenever its security groups and network ACLs allow it, so one permissive rule exposes it. Instances that serve the internet are better placed behind a load balancer or NAT, with private addresses only.",
        fix: "Remove AssociatePublicIpAddress from the instance's NetworkInterfaces or set it to false; publish the service through a load balancer.",
        examples: [
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  NetworkInterfaces:
                    - DeviceIndex: "0"
                      SubnetId: subnet-12345678
                      AssociatePublicIpAddress: false
            """),
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  SubnetId: subnet-12345678
            """),
            .nonCompliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  NetworkInterfaces:
                    - DeviceIndex: "0"
                      SubnetId: subnet-12345678
                      ↓AssociatePublicIpAddress: "true"
            """),
            .nonCompliant("""
            Parameters:
              Public:
                Type: String
                Default: "true"
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  NetworkInterfaces:
                    - DeviceIndex: "0"
                      SubnetId: subnet-12345678
                    - DeviceIndex: "1"
                      SubnetId: subnet-87654321
                      ↓AssociatePublicIpAddress: !Ref Public
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  NetworkInterfaces:
                    - DeviceIndex: "0"
                      SubnetId: subnet-12345678
                      AssociatePublicIpAddress: ↓!Ref Public
            """),
            .unknown("""
            Parameters:
              Interfaces:
                Type: String
            Conditions:
              Custom: !Equals [!Ref Interfaces, custom]
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  NetworkInterfaces: ↓!If
                    - Custom
                    - [{DeviceIndex: "0", SubnetId: subnet-12345678, AssociatePublicIpAddress: true}]
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch PropertyLookup.items(resource[property: "NetworkInterfaces"], in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let interfaces)?:
            return Verdict.everyMap(in: interfaces) { interface in
                let associate = Scalar(interface["AssociatePublicIpAddress"], in: context)
                if let why = associate.unresolved { return .undecided(why) }
                guard associate.bool == true else { return .holds }
                return .fails(at: PropertyLookup.position(of: "AssociatePublicIpAddress", in: interface, else: resource.position),
                              "the network interface associates a public IP address")
            }.outcome
        }
    }
}
