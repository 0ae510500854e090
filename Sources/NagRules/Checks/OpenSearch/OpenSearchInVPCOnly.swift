/// AwsSolutions-OS1: the domain is placed in a VPC (VPCOptions with subnets).
struct OpenSearchInVPCOnly: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain is not provisioned inside a VPC.",
        explanation: "A domain outside a VPC has a public endpoint: its only protection is the access policy. Inside a VPC, the endpoint is reachable only from the subnets and security groups you choose, and traffic stays on the AWS network.",
        fix: "Set VPCOptions.SubnetIds (and SecurityGroupIds) to place the domain in private subnets.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  VPCOptions:
                    SubnetIds: [subnet-0123456789abcdef0]
            """),
            .compliant("""
            Parameters:
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  VPCOptions:
                    SubnetIds: !Ref Subnets
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EngineVersion: OpenSearch_2.11
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  VPCOptions:
                    ↓SubnetIds: []
            """),
            .nonCompliant("""
            Parameters:
              Placement:
                Type: String
                Default: public
            Conditions:
              InVpc: !Equals [!Ref Placement, vpc]
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ↓VPCOptions: !If [InVpc, {SubnetIds: [subnet-0123456789abcdef0]}, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Placement:
                Type: String
            Conditions:
              InVpc: !Equals [!Ref Placement, vpc]
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  VPCOptions: ↓!If [InVpc, {SubnetIds: [subnet-0123456789abcdef0]}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let options = PropertyLookup.find(resource, "VPCOptions", in: context)
        if let why = options.unresolved { return .unknown(why) }
        // Subnets written as an intrinsic nag cannot resolve (a list parameter without Default) are
        // present, and cdk-nag tests only presence and a literal empty list.
        let subnets = PropertyLookup.find(resource, "VPCOptions", "SubnetIds", in: context)
        if subnets.resolved.isAbsent || subnets.resolved.list?.isEmpty == true {
            return .violation(at: subnets.position)
        }
        return .compliant
    }
}
