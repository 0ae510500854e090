/// AwsSolutions-OS3: every Allow statement of the domain's access policy limits callers by source IP.
struct OpenSearchAllowlistedIPs: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain's access policy does not limit access to an allowlist of IP addresses.",
        explanation: "A domain whose access policy allows requests from any address depends on credentials alone. An IP allowlist (an IpAddress aws:sourceIp condition on each Allow statement) keeps the endpoint closed to everyone outside the networks you name. As in cdk-nag, a domain without an access policy also fails.",
        fix: "Give the domain an AccessPolicies document whose Allow statements each carry Condition: {IpAddress: {aws:sourceIp: [your CIDR ranges]}}.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: "arn:aws:iam::123456789012:root"}
                        Action: es:ESHttp*
                        Resource: "*"
                        Condition:
                          IpAddress:
                            aws:sourceIp: [192.0.2.0/24]
            """),
            .nonCompliant("""
            Resources:
              ↓Search:
                Type: AWS::Elasticsearch::Domain
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      - ↓Effect: Allow
                        Principal: {AWS: "arn:aws:iam::123456789012:root"}
                        Action: es:*
                        Resource: "*"
            """),
            .nonCompliant("""
            Parameters:
              Cidr:
                Type: String
                Default: ""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      ↓Effect: Allow
                      Principal: {AWS: "arn:aws:iam::123456789012:root"}
                      Action: es:*
                      Condition:
                        IpAddress:
                          aws:sourceIp: !Ref Cidr
            """),
            .unknown("""
            Parameters:
              Open:
                Type: String
            Conditions:
              IsOpen: !Equals [!Ref Open, "yes"]
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      - ↓!If [IsOpen, {Effect: Allow, Action: es:*}, {Effect: Deny, Action: es:*}]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch OpenSearchDomains.accessStatements(of: resource, in: context) {
        case nil:
            return .violation(at: PropertyLookup.find(resource, "AccessPolicies", in: context).position, "no access policy statements")
        case .failure(let why):
            return .unknown(why)
        case .success(let statements):
            // The statements are already expanded, so they are read as written.
            for statement in statements.map({ PolicyStatement($0, reading: .asWritten) })
            where statement.effect(in: context).string == "Allow" {
                if !hasAllowList(statement["Condition"]?["IpAddress"]?["aws:sourceIp"]) {
                    return .violation(at: OpenSearchDomains.position(of: statement.fields, in: resource),
                                      "an Allow statement has no IpAddress aws:sourceIp condition")
                }
            }
            return .compliant
        }
    }

    /// cdk-nag's `allowList === undefined || allowList.length === 0`: missing, an empty list or an empty string.
    private func hasAllowList(_ value: Value?) -> Bool {
        guard let value else { return false }
        switch value.kind {
        case .null: return false
        case .list(let items): return !items.isEmpty
        case .string(let s): return !s.isEmpty
        default: return true
        }
    }
}
