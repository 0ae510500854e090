/// An EC2 instance is launched into a VPC subnet.
struct EC2InstancesInVPC: Check {
    let about = CheckAbout(
        resourceTypes: [EC2InstanceDetailedMonitoringEnabled.instanceType],
        cause: "The EC2 instance does not name a VPC subnet.",
        explanation: "An instance placed in a subnet of a VPC you control sits behind your own route tables, network ACLs and security groups, and can reach AWS services privately. The check reads the instance's SubnetId; an instance that names its subnet only inside NetworkInterfaces is not counted.",
        fix: "Set SubnetId on the instance to a subnet of your VPC.",
        examples: [
            .compliant("""
            Resources:
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Private:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Network
                  CidrBlock: 10.0.1.0/24
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  SubnetId: !Ref Private
            """),
            .nonCompliant("""
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
            """),
            .nonCompliant("""
            Parameters:
              UseSubnet:
                Type: String
                Default: "no"
            Conditions:
              InSubnet: !Equals [!Ref UseSubnet, "yes"]
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  SubnetId: !If [InSubnet, subnet-12345678, !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              Subnet:
                Type: AWS::EC2::Subnet::Id
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  SubnetId: !Ref Subnet
            """),
            .unknown("""
            Parameters:
              UseSubnet:
                Type: String
            Conditions:
              InSubnet: !Equals [!Ref UseSubnet, "yes"]
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  SubnetId: ↓!If [InSubnet, subnet-12345678, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "SubnetId"], in: context) {
        case .present: .compliant
        case .absent: .violation(at: resource.position, "SubnetId is not set")
        case .unknown(let why): .unknown(why)
        }
    }
}
