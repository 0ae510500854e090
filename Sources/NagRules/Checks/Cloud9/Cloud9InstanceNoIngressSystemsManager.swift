/// AwsSolutions-C91: the environment is reached through Systems Manager, with no inbound ports.
struct Cloud9InstanceNoIngressSystemsManager: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Cloud9::EnvironmentEC2"],
        cause: "The Cloud9 environment does not connect to its instance through AWS Systems Manager.",
        explanation: "An SSH connection needs the instance to accept inbound traffic. With CONNECT_SSM, Cloud9 reaches the instance through Session Manager, so it needs no open inbound port and can sit in a private subnet.",
        fix: "Set ConnectionType to CONNECT_SSM.",
        examples: [
            .compliant("""
            Resources:
              Ide:
                Type: AWS::Cloud9::EnvironmentEC2
                Properties:
                  InstanceType: t3.small
                  ImageId: amazonlinux-2023-x86_64
                  ConnectionType: CONNECT_SSM
            """),
            .nonCompliant("""
            Resources:
              ↓Ide:
                Type: AWS::Cloud9::EnvironmentEC2
                Properties:
                  InstanceType: t3.small
                  ImageId: amazonlinux-2023-x86_64
            """),
            .nonCompliant("""
            Resources:
              Ide:
                Type: AWS::Cloud9::EnvironmentEC2
                Properties:
                  InstanceType: t3.small
                  ImageId: amazonlinux-2023-x86_64
                  ↓ConnectionType: CONNECT_SSH
            """),
            .nonCompliant("""
            Parameters:
              Connection:
                Type: String
                Default: CONNECT_SSH
            Resources:
              Ide:
                Type: AWS::Cloud9::EnvironmentEC2
                Properties:
                  InstanceType: t3.small
                  ImageId: amazonlinux-2023-x86_64
                  ↓ConnectionType: !Ref Connection
            """),
            .unknown("""
            Parameters:
              Connection:
                Type: String
            Resources:
              Ide:
                Type: AWS::Cloud9::EnvironmentEC2
                Properties:
                  InstanceType: t3.small
                  ImageId: amazonlinux-2023-x86_64
                  ConnectionType: ↓!Ref Connection
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let connection = PropertyLookup.find(resource, "ConnectionType", in: context)
        if let why = connection.unresolved { return .unknown(why) }
        return connection.resolved.string == "CONNECT_SSM" ? .compliant : .violation(at: connection.position)
    }
}
