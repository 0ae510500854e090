/// Configuration resources (EMR and Glue security configurations) that another resource designates by
/// logical id (`Ref`, `Fn::GetAtt`) or by name, matched as cdk-nag matches them: the designation equals
/// the configuration's logical id or its `Name`.
enum NamedConfigurations {
    /// The configurations of `Kind` (its type, by its `Name`) that `designation` names; nil when the
    /// designation is absent.
    static func matching<Kind: IndexedProperty>(_ designation: PropertyLookup.Found, _ kind: Kind.Type,
                                                in context: RuleContext) -> Result<[Resource], Unresolved>? {
        let key: String
        switch designation.resolved {
        case .absent: return nil
        case .unknown(let why): return .failure(why)
        case .resource(let link): key = link.logicalId
        case .value(let v):
            guard let text = v.scalarText else {
                return .failure(Unresolved("the configuration is named by \(v.kindDescription), not a name", at: v.position))
            }
            key = text
        }
        return .success(context.index(ResourcesByProperty<Kind>.self).resources(identifiedBy: key))
    }

    /// A JSON-typed setting (kept as written by CloudFormation, not converted): a literal must be the
    /// boolean `true`; a value from a parameter or condition may also be the string "true".
    static func isTrue(_ value: Value?, in context: RuleContext) -> Bool {
        guard let value else { return false }
        if value.intrinsicValue == nil { return value.boolValue == true }
        return context.resolve(value).bool == true
    }
}
