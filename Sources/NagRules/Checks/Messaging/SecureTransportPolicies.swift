/// Lookups shared by SQS4 and SNS3: the resource policies that name a queue or topic, and whether one of
/// them denies requests made without TLS.
enum SecureTransportPolicies {
    /// The policies of `policyType` whose `targetsProperty` list (`Queues`, `Topics`) names `resource`:
    /// through Ref / GetAtt, its logical id, or (as cdk-nag does) a literal that ends with `name`.
    static func policies(for resource: Resource, name: String?, policyType: String, targetsProperty: String,
                         in context: RuleContext) -> [Resource] {
        context.graph.resources(ofType: policyType).filter { policy in
            IAMPolicies.writtenItems(policy[property: targetsProperty]).contains { item in
                switch context.resolve(item) {
                case .resource(let link): return link.logicalId == resource.logicalId
                case .value(let v):
                    guard let text = v.scalarText else { return false }
                    return text == resource.logicalId || (name.map { text.hasSuffix($0) } ?? false)
                case .absent, .unknown: return false
                }
            }
        }
    }

    /// Whether the policy has a statement that denies `*` principals the matching actions when
    /// `aws:SecureTransport` is false.
    static func deniesInsecureTransport(_ policy: Resource, in context: RuleContext,
                                        action matches: (String) -> Bool) -> Bool {
        guard case .success(let documents) = IAMPolicies.documents(of: policy, in: context) else { return false }
        return documents.contains { document in
            guard case .success(let statements) = IAMPolicies.statements(of: document, in: context) else { return false }
            return statements.contains { statement in
                guard context.resolve(statement["Effect"]).string == "Deny" else { return false }
                guard case .success(let actions) = IAMPolicies.strings(statement["Action"], in: context),
                      actions.contains(where: { matches($0.text) }) else { return false }
                guard isEveryone(statement["Principal"], in: context) else { return false }
                return context.resolver.resolve(statement["Condition"], at: "Bool", "aws:SecureTransport").bool == false
            }
        }
    }

    /// A `*` principal, or `*` among the `AWS` principals.
    static func isEveryone(_ principal: Value?, in context: RuleContext) -> Bool {
        let resolved = context.resolve(principal)
        if resolved.string == "*" { return true }
        guard case .success(let accounts) = IAMPolicies.strings(resolved.map?["AWS"], in: context) else { return false }
        return accounts.contains { $0.text == "*" }
    }
}
