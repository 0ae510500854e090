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
        guard let statements = ComputeValues.items(policy.map?["Statement"], in: context) else { return .compliant }
        let items: [Resolved]
        switch statements {
        case .failure(let why): return .unknown(why)
        case .success(let list): items = list
        }
        var undecided: Unresolved?
        for item in items {
            guard let statement = item.map else {
                if let why = item.unresolved { undecided = undecided ?? why }
                continue
            }
            let effect = context.resolve(statement["Effect"])
            if let why = effect.unresolved { undecided = undecided ?? why; continue }
            guard effect.string == "Allow", let principal = statement["Principal"] else { continue }
            if CdkNagText.stringify(principal).contains("*") { return .violation(at: resource.position) }
            switch principalText(principal, in: context) {
            case .success(let text): if text.contains("*") { return .violation(at: resource.position) }
            case .failure(let why): undecided = undecided ?? why
            }
        }
        return undecided.map { .unknown($0) } ?? .compliant
    }

    /// The principal with its parameters resolved, as text; fails when a part is not known.
    private func principalText(_ principal: Value, in context: RuleContext) -> Result<String, Unresolved> {
        let resolved = context.resolve(principal)
        switch resolved {
        case .unknown(let why): return .failure(why)
        case .resource: return .success("")
        case .absent: return .success("")
        case .value(let v):
            if let text = v.scalarText { return .success(text) }
            var parts: [String] = []
            let children = v.listValue ?? v.mapValue?.entries.map(\.value) ?? []
            for child in children {
                switch principalText(child, in: context) {
                case .success(let text): parts.append(text)
                case .failure(let why): return .failure(why)
                }
            }
            return .success(parts.joined(separator: ","))
        }
    }
}
