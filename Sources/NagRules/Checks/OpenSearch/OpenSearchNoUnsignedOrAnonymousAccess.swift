/// AwsSolutions-OS5: the domain's access policy allows no anonymous (`*`) principal.
struct OpenSearchNoUnsignedOrAnonymousAccess: Check {
    let about = CheckAbout(
        resourceTypes: OpenSearchDomains.types,
        cause: "The OpenSearch domain allows unsigned or anonymous access.",
        explanation: "An Allow statement whose principal contains * accepts requests that are not signed by any IAM identity, so anyone who reaches the endpoint can read or change the indices. As in cdk-nag, a domain without an access policy also fails.",
        fix: "Give the domain an AccessPolicies document whose Allow statements name specific IAM principals (accounts, roles, users), never *.",
        examples: [
            .compliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      - Effect: Allow
                        Principal:
                          AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"
                        Action: es:ESHttp*
                        Resource: "*"
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  ↓AccessPolicies: {}
            """),
            .nonCompliant("""
            Resources:
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      - ↓Effect: Allow
                        Principal: {AWS: "*"}
                        Action: es:*
                        Resource: "*"
            """),
            .nonCompliant("""
            Parameters:
              Reader:
                Type: String
                Default: "*"
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      - ↓Effect: Allow
                        Principal: {AWS: !Ref Reader}
                        Action: es:ESHttpGet
            """),
            .compliant("""
            Parameters:
              Reader:
                Type: String
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  AccessPolicies:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: !Ref Reader}
                        Action: es:ESHttpGet
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
                if statement.principalMentionsWildcard {
                    return .violation(at: OpenSearchDomains.position(of: statement.fields, in: resource), "an Allow statement's principal contains *")
                }
            }
            return .compliant
        }
    }
}
