/// Reads an Elastic Beanstalk environment's option settings (EB1, EB3, EB4).
enum ElasticBeanstalkOptions {
    static let environmentType = "AWS::ElasticBeanstalk::Environment"

    /// An option setting a rule needs: its namespace, its name, and which values are accepted
    /// (`.absent` when the setting has no Value).
    struct Wanted {
        var namespace: String
        var option: String
        var accepts: @Sendable (Resolved) -> Bool
    }

    /// Whether some setting matches `wanted`; nil when there are no option settings.
    static func find(_ wanted: Wanted, in environment: Resource, context: RuleContext) -> Result<Bool, Unresolved>? {
        guard let items = ComputeValues.items(environment.properties["OptionSettings"], in: context) else { return nil }
        switch items {
        case .failure(let why): return .failure(why)
        case .success(let list):
            var undecided: Unresolved?
            for item in list {
                guard let map = item.map else {
                    if let why = item.unresolved { undecided = undecided ?? why }
                    continue
                }
                let namespace = context.resolve(map["Namespace"])
                let option = context.resolve(map["OptionName"])
                if let why = namespace.unresolved ?? option.unresolved { undecided = undecided ?? why; continue }
                guard namespace.string == wanted.namespace, option.string == wanted.option else { continue }
                let value = context.resolve(map["Value"])
                if wanted.accepts(value) { return .success(true) }
                if let why = value.unresolved { undecided = undecided ?? why }
            }
            if let undecided { return .failure(undecided) }
            return .success(false)
        }
    }

    /// Compliant when every one of `wanted` is found.
    static func outcome(_ environment: Resource, in context: RuleContext, _ wanted: [Wanted]) -> RuleOutcome {
        var undecided: Unresolved?
        for item in wanted {
            switch find(item, in: environment, context: context) {
            case nil: return .violation(at: environment.position)
            case .failure(let why)?: undecided = undecided ?? why
            case .success(true)?: continue
            case .success(false)?: return .violation(at: environment.position(ofProperty: "OptionSettings"))
            }
        }
        return undecided.map { .unknown($0) } ?? .compliant
    }
}
