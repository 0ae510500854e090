/// AwsSolutions-VPC7: every VPC has a flow log.
struct VPCFlowLogsEnabled: Check {
    static let vpcType = "AWS::EC2::VPC"
    static let flowLogType = "AWS::EC2::FlowLog"

    let about = CheckAbout(
        resourceTypes: [vpcType],
        cause: "The VPC has no flow log.",
        explanation: "VPC flow logs record the IP traffic going to and from the network interfaces of a VPC. They are how unexpected connections, rejected traffic and exfiltration are spotted and investigated afterwards.",
        fix: "Add an AWS::EC2::FlowLog with ResourceType: VPC and ResourceId: !Ref <the VPC>.",
        examples: [
            .compliant("""
            Resources:
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              NetworkFlowLog:
                Type: AWS::EC2::FlowLog
                Properties:
                  ResourceId: !Ref Network
                  ResourceType: VPC
                  TrafficType: ALL
                  LogDestinationType: s3
                  LogDestination: arn:aws:s3:::flow-logs
            """),
            .nonCompliant("""
            Resources:
              ↓Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
            """),
            .nonCompliant("""
            Resources:
              ↓Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Network
                  CidrBlock: 10.0.0.0/24
              SubnetFlowLog:
                Type: AWS::EC2::FlowLog
                Properties:
                  ResourceId: !Ref Subnet
                  ResourceType: Subnet
                  TrafficType: ALL
            """),
            .compliant("""
            Parameters:
              Kind:
                Type: String
                Default: VPC
            Resources:
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              NetworkFlowLog:
                Type: AWS::EC2::FlowLog
                Properties:
                  ResourceId: !Ref Network
                  ResourceType: !Ref Kind
                  TrafficType: ALL
            """),
            .unknown("""
            Parameters:
              Kind:
                Type: String
            Resources:
              Network:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              NetworkFlowLog:
                Type: AWS::EC2::FlowLog
                Properties:
                  ResourceId: !Ref Network
                  ResourceType: ↓!Ref Kind
                  TrafficType: ALL
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        var undecided: Unresolved?
        for flowLog in context.graph.resources(ofType: Self.flowLogType) {
            let target = context.resolve(flowLog, "ResourceId")
            guard target.resourceLink?.logicalId == resource.logicalId || target.string == resource.logicalId else {
                continue
            }
            switch ComputeValues.scalar(flowLog.properties["ResourceType"], in: context) {
            case .failure(let why): undecided = undecided ?? why
            case .success(let value): if value?.scalarText == "VPC" { return .compliant }
            }
        }
        if let undecided { return .unknown(undecided) }
        return .violation(at: resource.position)
    }
}
