/// AwsSolutions-N1: Neptune clusters span more than one availability zone.
struct NeptuneClusterMultiAZ: Check {
    let about = CheckAbout(
        resourceTypes: [NeptuneClusters.clusterType],
        cause: "The Neptune cluster is not deployed across multiple availability zones.",
        explanation: "A Neptune cluster whose subnet group and availability zones cover more than one zone can place replicas in other zones and fail over to them; a single-zone cluster is unavailable when that zone is.",
        fix: "Set DBSubnetGroupName to a subnet group with subnets in several zones, and list at least two AvailabilityZones or leave them out.",
        examples: [
            .compliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  DBSubnetGroupName: graph-subnets
                  AvailabilityZones: [us-east-1a, us-east-1b]
            """),
            .nonCompliant("""
            Resources:
              ↓Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  DBSubnetGroupName: graph-subnets
                  ↓AvailabilityZones: [us-east-1a]
            """),
            .unknown("""
            Parameters:
              Zones:
                Type: List<AWS::EC2::AvailabilityZone::Name>
            Resources:
              Graph:
                Type: AWS::Neptune::DBCluster
                Properties:
                  DBSubnetGroupName: graph-subnets
                  AvailabilityZones: ↓!Ref Zones
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if context.resolve(resource, "DBSubnetGroupName").isAbsent {
            return .violation(at: resource.position, "DBSubnetGroupName is not set")
        }
        switch context.resolve(resource, "AvailabilityZones") {
        case .absent: return .compliant
        case .unknown(let why): return .unknown(why)
        case .resource(let link):
            return .unknown(link.unknownUntilDeployed)
        case .value(let v):
            guard let zones = v.listValue else { return .unknown(Unresolved("AvailabilityZones is not a list", at: v.position)) }
            return zones.count < 2 ? .violation(at: resource.position(ofProperty: "AvailabilityZones")) : .compliant
        }
    }
}
