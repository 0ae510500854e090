/// The inbound rules a security group opens (its inline `SecurityGroupIngress` list) or that a standalone
/// `AWS::EC2::SecurityGroupIngress` adds, each judged on its own: the checks on open ports read them alike.
enum EC2IngressRules {
    static let groupType = EC2RestrictedInbound.groupType
    static let ingressType = EC2RestrictedInbound.ingressType

    /// One inbound rule: its fields as written, read as cdk-nag reads them (``Scalar``).
    struct Rule {
        let fields: ValueMap
        /// Where to point when a field is not written (the rule's list item, or the ingress resource).
        let fallback: Position
        let context: RuleContext

        func scalar(_ field: String) -> Scalar { Scalar(fields[field], in: context) }
        func position(of field: String) -> Position { PropertyLookup.position(of: field, in: fields, else: fallback) }
    }

    /// Compliant when every rule of `resource` passes `judge`: the first failing rule decides, else the first
    /// undecided one. A group without inline rules is compliant; a rule list nag cannot resolve is unknown.
    static func outcome(of resource: Resource, in context: RuleContext, _ judge: (Rule) -> Verdict) -> RuleOutcome {
        if resource.type == ingressType {
            return judge(Rule(fields: resource.properties, fallback: resource.position, context: context)).outcome
        }
        switch PropertyLookup.items(resource[property: "SecurityGroupIngress"], in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?:
            let list = resource.position(ofProperty: "SecurityGroupIngress")
            return Verdict.everyMap(in: items) { fields in
                judge(Rule(fields: fields, fallback: fields.entries.first?.keyPosition ?? list, context: context))
            }.outcome
        }
    }

    /// Whether a port range opens `port`, as cdk-nag tests it (JavaScript comparisons): with both ends
    /// written, the port lies between them or either end is -1; with one end missing, `FromPort` is the port.
    /// Undecided when a port it needs cannot be resolved.
    static func opens(_ port: Double, from: Scalar, to: Scalar) -> Verdict {
        if from.isAbsent || to.isAbsent {
            if let why = from.unresolved { return .undecided(why) }
            return .from(from.equals(port) == true)
        }
        if from.equals(-1) == true || to.equals(-1) == true { return .holds }
        if let why = from.unresolved ?? to.unresolved { return .undecided(why) }
        guard let low = from.number, let high = to.number else { return .fails }
        return .from(low <= port && high >= port)
    }
}
