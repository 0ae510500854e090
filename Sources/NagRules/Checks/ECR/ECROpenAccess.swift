/// AwsSolutions-ECR1: repository and registry policies do not grant access to every principal.
struct ECROpenAccess: Check {
    static let repositoryType = "AWS::ECR::Repository"
    static let registryPolicyType = "AWS::ECR::RegistryPolicy"

    let about = CheckAbout(
        resourceTypes: [repositoryType, registryPolicyType],
        cause: "The ECR repository or registry policy allows open access.",
        explanation: "A policy statement that allows a * principal lets any AWS account (or anyone) pull, and possibly push, the images. Images often contain code, configuration and credentials that must not leak, and a pushed image runs wherever it is deployed.",
        fix: "Name the accounts, roles or services that need access in the Principal instead of *, or add conditions such as aws:PrincipalOrgID.",
        examples: [
            .compliant("""
            Resources:
              Images:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryPolicyText:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal:
                          AWS: arn:aws:iam::111122223333:root
                        Action: ecr:BatchGetImage
            """),
            .nonCompliant("""
            Resources:
              ↓Images:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryPolicyText:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal:
                          AWS: "*"
                        Action: ecr:BatchGetImage
            """),
            .nonCompliant("""
            Resources:
              ↓Registry:
                Type: AWS::ECR::RegistryPolicy
                Properties:
                  PolicyText:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: ecr:ReplicateImage
                        Resource: "*"
            """),
            .unknown("""
            Parameters:
              Who:
                Type: String
            Resources:
              Images:
                Type: AWS::ECR::Repository
                Properties:
                  RepositoryPolicyText:
                    Statement:
                      - Effect: Allow
                        Principal:
                          AWS: ↓!Ref Who
                        Action: ecr:BatchGetImage
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let key = resource.type == Self.registryPolicyType ? "PolicyText" : "RepositoryPolicyText"
        let policy = context.resolve(resource, key)
        if let why = policy.unresolved { return .unknown(why) }
        guard let statements = PropertyLookup.items(policy.map?["Statement"], in: context) else { return .compliant }
        let items: [Resolved]
        switch statements {
        case .failure(let why): return .unknown(why)
        case .success(let list): items = list
        }
        var undecided: Unresolved?
        for item in items {
            guard let map = item.map else {
                if let why = item.unresolved { undecided = undecided ?? why }
                continue
            }
            let statement = PolicyStatement(map, reading: .strict)
            let effect = statement.effect(in: context)
            if let why = effect.unresolved { undecided = undecided ?? why; continue }
            guard effect.string == "Allow", statement["Principal"] != nil else { continue }
            if statement.principalMentionsWildcard { return .violation(at: resource.position) }
            switch statement.principalText(in: context) {
            case .success(let text): if text.contains("*") { return .violation(at: resource.position) }
            case .failure(let why): undecided = undecided ?? why
            }
        }
        return undecided.map { .unknown($0) } ?? .compliant
    }
}
