/// A DMS replication instance is not publicly accessible: `PubliclyAccessible` is set to false.
struct DMSReplicationNotPublic: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::DMS::ReplicationInstance"],
        cause: "The DMS replication instance is publicly accessible.",
        explanation: "A replication instance reads from the source database and writes to the target, with credentials for both. A public IP address puts it within reach of the internet; kept private, it is reachable only from the VPC and the networks connected to it. PubliclyAccessible defaults to true, so it must be set to false.",
        fix: "Set PubliclyAccessible to false, and reach the databases through the VPC, peering, VPN or Direct Connect.",
        examples: [
            .compliant("""
            Resources:
              Replication:
                Type: AWS::DMS::ReplicationInstance
                Properties:
                  ReplicationInstanceClass: dms.t3.medium
                  PubliclyAccessible: false
            """),
            .nonCompliant("""
            Resources:
              ↓Replication:
                Type: AWS::DMS::ReplicationInstance
                Properties:
                  ReplicationInstanceClass: dms.t3.medium
            """),
            .nonCompliant("""
            Resources:
              Replication:
                Type: AWS::DMS::ReplicationInstance
                Properties:
                  ReplicationInstanceClass: dms.t3.medium
                  ↓PubliclyAccessible: true
            """),
            .nonCompliant("""
            Parameters:
              Public:
                Type: String
                Default: "true"
            Resources:
              Replication:
                Type: AWS::DMS::ReplicationInstance
                Properties:
                  ReplicationInstanceClass: dms.t3.medium
                  ↓PubliclyAccessible: !Ref Public
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Replication:
                Type: AWS::DMS::ReplicationInstance
                Properties:
                  ReplicationInstanceClass: dms.t3.medium
                  PubliclyAccessible: ↓!Ref Public
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let publicly = Scalar(resource, "PubliclyAccessible", in: context)
        if publicly.isAbsent { return .violation(at: resource.position, "PubliclyAccessible is not set (it defaults to true)") }
        if let why = publicly.unresolved { return .unknown(why) }
        return publicly.bool == false ? .compliant
            : .violation(at: resource.position(ofProperty: "PubliclyAccessible"), "PubliclyAccessible is not false")
    }
}
