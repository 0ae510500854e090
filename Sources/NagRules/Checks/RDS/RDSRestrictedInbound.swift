/// AwsSolutions-RDS8: classic DB security groups do not admit the whole internet.
struct RDSRestrictedInbound: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.securityGroupType, RDSDatabases.securityGroupIngressType],
        cause: "The RDS DB security group allows inbound access from 0.0.0.0/0.",
        explanation: "A DB security group rule whose CIDR ends in /0 lets any address on the internet reach the database port, exposing it to scanning and password guessing. Database access should come only from the application's own networks or security groups.",
        fix: "Replace the /0 CIDRIP with the narrowest range that needs access, or authorize an EC2 security group instead.",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::RDS::DBSecurityGroup
                Properties:
                  GroupDescription: db
                  DBSecurityGroupIngress:
                    - CIDRIP: 10.0.0.0/16
            """),
            .nonCompliant("""
            Resources:
              Group:
                Type: AWS::RDS::DBSecurityGroup
                Properties:
                  GroupDescription: db
                  DBSecurityGroupIngress:
                    - ↓CIDRIP: 0.0.0.0/0
            """),
            .nonCompliant("""
            Parameters:
              Cidr:
                Type: String
                Default: 0.0.0.0/0
            Resources:
              Ingress:
                Type: AWS::RDS::DBSecurityGroupIngress
                Properties:
                  DBSecurityGroupName: db
                  ↓CIDRIP: !Ref Cidr
            """),
            .unknown("""
            Parameters:
              Cidr:
                Type: String
            Resources:
              Ingress:
                Type: AWS::RDS::DBSecurityGroupIngress
                Properties:
                  DBSecurityGroupName: db
                  CIDRIP: ↓!Ref Cidr
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == RDSDatabases.securityGroupIngressType {
            return check(Scalar(resource, "CIDRIP", in: context), at: resource.position(ofProperty: "CIDRIP"))
        }
        switch context.resolver.resolveList(resource[property: "DBSecurityGroupIngress"]) {
        case nil: return .compliant
        case .failure(let why): return .unknown(why)
        case .success(let rules):
            for rule in rules {
                if let why = rule.unresolved { return .unknown(why) }
                guard let map = rule.map else { continue }
                let outcome = check(Scalar(map["CIDRIP"], in: context),
                                    at: map.entry("CIDRIP")?.keyPosition ?? resource.position(ofProperty: "DBSecurityGroupIngress"))
                if outcome != .compliant { return outcome }
            }
            return .compliant
        }
    }

    private func check(_ cidr: Scalar, at position: Position) -> RuleOutcome {
        if let why = cidr.unresolved { return .unknown(why) }
        return cidr.text?.contains("/0") == true ? .violation(at: position) : .compliant
    }
}
