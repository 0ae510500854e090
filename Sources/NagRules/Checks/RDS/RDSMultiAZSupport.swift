/// AwsSolutions-RDS3: non-Aurora RDS instances run in more than one availability zone.
struct RDSMultiAZSupport: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.instanceType],
        cause: "The non-Aurora RDS instance is not deployed across multiple availability zones.",
        explanation: "A Multi-AZ instance keeps a synchronous standby in another availability zone and fails over to it when the primary or its zone fails; a single-AZ instance is down until it is repaired or restored. Aurora replicates storage across zones itself and is exempt.",
        fix: "Set MultiAZ to true on the DB instance.",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  MultiAZ: true
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: aurora-postgresql
            """),
            .nonCompliant("""
            Resources:
              ↓Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
            """),
            .nonCompliant("""
            Parameters:
              MultiAz:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "false"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  ↓MultiAZ: !Ref MultiAz
            """, when: "MultiAz=false"),
            .unknown("""
            Parameters:
              MultiAz:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  MultiAZ: ↓!Ref MultiAz
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let multiAZ = Scalar(resource, "MultiAZ", in: context)
        if multiAZ.truthy == true { return .compliant }
        let aurora = RDSDatabases.isAurora(resource, in: context)
        if aurora == true { return .compliant }
        if let why = multiAZ.unresolved { return .unknown(why) }
        if let why = RDSDatabases.engine(of: resource, in: context).unresolved { return .unknown(why) }
        return .violation(at: RDSDatabases.position(of: "MultiAZ", in: resource))
    }
}
