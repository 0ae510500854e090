/// A Lambda function runs attached to a VPC: its VPC configuration names subnets or security groups.
struct LambdaInsideVPC: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Lambda::Function"],
        cause: "The Lambda function is not attached to a VPC.",
        explanation: "A function outside a VPC reaches the internet and AWS services directly, beyond the reach of the network controls (security groups, network ACLs, VPC endpoints, flow logs) that guard the rest of the workload. Attached to private subnets, its traffic goes only where those controls allow.",
        fix: "Set VpcConfig with the SubnetIds (private subnets, in more than one Availability Zone) and SecurityGroupIds the function should use.",
        examples: [
            .compliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  VpcConfig:
                    SubnetIds: [subnet-0a1b2c3d, subnet-4e5f6a7b]
                    SecurityGroupIds: [sg-0123456789abcdef0]
            """),
            .compliant("""
            Parameters:
              Subnets:
                Type: CommaDelimitedList
                Default: subnet-0a1b2c3d,subnet-4e5f6a7b
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  VpcConfig:
                    SubnetIds: !Ref Subnets
            """),
            .nonCompliant("""
            Resources:
              ↓Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
            """),
            .nonCompliant("""
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ↓VpcConfig:
                    SubnetIds: []
                    SecurityGroupIds: []
            """),
            .nonCompliant("""
            Parameters:
              InVpc:
                Type: String
                Default: "no"
            Conditions:
              Attached: !Equals [!Ref InVpc, "yes"]
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  ↓VpcConfig:
                    SubnetIds: !If [Attached, [subnet-0a1b2c3d], !Ref AWS::NoValue]
            """),
            // A list parameter without a default: nag cannot tell whether it is empty, and counts it as set.
            .compliant("""
            Parameters:
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  VpcConfig:
                    SubnetIds: !Ref Subnets
            """),
            .unknown("""
            Parameters:
              InVpc:
                Type: String
            Conditions:
              Attached: !Equals [!Ref InVpc, "yes"]
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/handler
                  Code: {ZipFile: "def handler(event, context): pass"}
                  Handler: index.handler
                  Runtime: python3.14
                  VpcConfig: ↓!If
                    - Attached
                    - SubnetIds: [subnet-0a1b2c3d]
                    - !Ref AWS::NoValue
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config = PropertyLookup.find(resource, "VpcConfig", in: context)
        if config.resolved.isAbsent { return .violation(at: resource.position, "VpcConfig is not set") }
        if let why = config.resolved.unresolved { return .unknown(why) }
        let map = config.resolved.map
        return Verdict.some(["SubnetIds", "SecurityGroupIds"],
                            otherwise: .fails(at: config.position, "VpcConfig names no subnets or security groups")) { key in
            switch Presence(map?[key], in: context) {
            case .absent: return .fails
            case .unknown(let why): return .undecided(why)
            case .present:
                // A list nag cannot resolve (a list parameter without a default) counts as naming some, as in
                // cdk-nag, which sees no length to test.
                guard case .success(let items)? = PropertyLookup.items(map?[key], in: context) else { return .holds }
                return .from(!items.isEmpty)
            }
        }.outcome
    }
}
