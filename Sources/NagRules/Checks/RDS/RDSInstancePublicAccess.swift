/// RDS DB instances say explicitly that they are not publicly accessible (`PubliclyAccessible` is false).
struct RDSInstancePublicAccess: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.instanceType],
        cause: "The RDS DB instance is, or may be, publicly accessible.",
        explanation: """
        A publicly accessible instance gets a DNS name that resolves to a public IP address, so wherever its \
        security groups allow it, the database can be reached from the internet and attacked with stolen or \
        guessed credentials. When PubliclyAccessible is not set, the default depends on the subnet group and \
        VPC (an instance in a default VPC is public), so the check asks for an explicit false.
        """,
        fix: "Set PubliclyAccessible: false and reach the database from inside the VPC (a bastion, VPN or AWS Systems Manager port forwarding).",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  PubliclyAccessible: false
            """),
            .nonCompliant("""
            Resources:
              ↓Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  ↓PubliclyAccessible: "true"
            """),
            .nonCompliant("""
            Parameters:
              Public:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "false"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  ↓PubliclyAccessible: !Ref Public
            """, when: "Public=true"),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  PubliclyAccessible: ↓!Ref Public
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let access = Scalar(resource, "PubliclyAccessible", in: context)
        if access.isAbsent {
            return .violation(at: RDSDatabases.position(of: "PubliclyAccessible", in: resource), "PubliclyAccessible is not set to false")
        }
        if let why = access.unresolved { return .unknown(why) }
        return access.bool == false
            ? .compliant : .violation(at: resource.position(ofProperty: "PubliclyAccessible"), "PubliclyAccessible is not false")
    }
}
