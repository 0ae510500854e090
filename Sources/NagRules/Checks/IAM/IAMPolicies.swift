/// Lookups shared by the IAM rules: the policy documents a resource carries.
///
/// As in cdk-nag, a policy's findings belong to the resource it is written in: an `AWS::IAM::Policy` or
/// `AWS::IAM::ManagedPolicy` reports its own document (not the roles it is attached to), and a role, user
/// or group reports the documents of its inline `Policies`.
enum IAMPolicies {
    static let roleType = "AWS::IAM::Role"
    static let userType = "AWS::IAM::User"
    static let groupType = "AWS::IAM::Group"
    static let policyType = "AWS::IAM::Policy"
    static let managedPolicyType = "AWS::IAM::ManagedPolicy"

    /// Roles, users and groups: the resources with inline `Policies` and `ManagedPolicyArns`.
    static let entityTypes: Set<String> = [roleType, userType, groupType]

    /// The policy documents written in `resource` (maps, or JSON text parsed; a missing one is skipped): the
    /// `PolicyDocument` of a policy resource, or of each inline policy of an entity. Read strictly: a
    /// document or inline policy list that cannot be resolved makes the whole read fail.
    static func documents(of resource: Resource, in context: RuleContext) -> Result<[PolicyDocument], Unresolved> {
        if !entityTypes.contains(resource.type) {
            return PolicyDocument.read(resource[property: "PolicyDocument"], reading: .strict, in: context)
                .map { $0.map { [$0] } ?? [] }
        }
        var documents: [PolicyDocument] = []
        switch PolicyReading.strict.items(resource[property: "Policies"], in: context) {
        case .failure(let why): return .failure(why)
        case .success(let policies):
            for policy in policies {
                guard let map = policy.mapValue else { continue }
                switch PolicyDocument.read(map["PolicyDocument"], reading: .strict, in: context) {
                case .success(let found): if let found { documents.append(found) }
                case .failure(let why): return .failure(why)
                }
            }
        }
        return .success(documents)
    }
}
