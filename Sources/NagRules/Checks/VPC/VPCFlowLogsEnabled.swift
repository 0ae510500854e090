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
        let flowLogs = context.index(ResourcesByProperty<FlowLogTarget>.self).resources(naming: resource.logicalId)
        return Verdict.some(flowLogs, otherwise: .fails(at: resource.position)) { flowLog in
            let type = Scalar(flowLog, "ResourceType", in: context)
            if let why = type.unresolved { return .undecided(why) }
            return .from(type.text == "VPC")
        }.outcome
    }

    /// Flow logs by the resource their `ResourceId` names.
    private enum FlowLogTarget: IndexedProperty {
        static let type = flowLogType
        static let property = "ResourceId"
    }
}
