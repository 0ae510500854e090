/// Whole checks for the settings cdk-nag's rules test most often: a flag that must be true, a text that
/// must be set, a number with a minimum, log types that must be exported. Each gives the outcome, with a
/// finding at the resource when the setting is missing and at the setting's key when it is wrong.
///
/// ```swift
/// func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
///     Requirement.isAtLeast(7, "BackupRetentionPeriod", of: resource, in: context)
/// }
/// ```
enum Requirement {
    /// A boolean setting that must be set and true (JavaScript truthiness, as cdk-nag tests it).
    static func isTrue(_ property: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let setting = Scalar(resource, property, in: context)
        if setting.isAbsent { return .violation(at: resource.position, "\(property) is not set") }
        if let why = setting.unresolved { return .unknown(why) }
        return setting.truthy == true
            ? .compliant : .violation(at: resource.position(ofProperty: property), "\(property) is not true")
    }

    /// A settings block (`SSESpecification`) that must be set, with a `key` (`SSEEnabled`) that is true.
    static func isTrue(_ block: String, _ key: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let found = PropertyLookup.find(resource, block, in: context)
        if found.resolved.isAbsent { return .violation(at: resource.position, "\(block) is not set") }
        if let why = found.unresolved { return .unknown(why) }
        guard let map = found.resolved.map else {
            return .violation(at: resource.position(ofProperty: block), "\(block) is not a map")
        }
        let setting = Scalar(map[key], in: context)
        if let why = setting.unresolved { return .unknown(why) }
        if setting.truthy == true { return .compliant }
        return .violation(at: PropertyLookup.position(of: key, in: map, else: resource.position(ofProperty: block)),
                          "\(block).\(key) is not true")
    }

    /// A text setting that must be set to something non-empty (cdk-nag tests presence and length); a value
    /// nag cannot resolve counts as set.
    static func isNonEmpty(_ property: String, of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let resolved = context.resolve(resource, property)
        if resolved.isAbsent { return .violation(at: resource.position, "\(property) is not set") }
        if resolved.string == "" { return .violation(at: resource.position(ofProperty: property), "\(property) is empty") }
        return .compliant
    }

    /// A number (a retention period in days) that must be set and at least `minimum`.
    static func isAtLeast(_ minimum: Double, _ property: String, of resource: Resource,
                          in context: RuleContext) -> RuleOutcome {
        let setting = Scalar(resource, property, in: context)
        if setting.isAbsent { return .violation(at: resource.position, "\(property) is not set") }
        if let why = setting.unresolved { return .unknown(why) }
        if let number = setting.number, number >= minimum { return .compliant }
        return .violation(at: resource.position(ofProperty: property), "\(property) is below \(Int(minimum))")
    }

    /// Log types a list property must name: one granular `LogExport::<name>` finding per missing type,
    /// at the property (or the resource when it is not set).
    static func exportsLogs(_ needed: [String], listedIn property: String, of resource: Resource,
                            in context: RuleContext) -> RuleOutcome {
        var exports: [String] = []
        switch PropertyLookup.items(resource[property: property], in: context) {
        case nil: break
        case .failure(let why): return .unknown(why)
        case .success(let items):
            for item in items {
                if let why = item.unresolved { return .unknown(why) }
                if let text = item.string { exports.append(text) }
            }
        }
        let position = resource[property: property] == nil ? resource.position : resource.position(ofProperty: property)
        return .from(needed.filter { !exports.contains($0) }.map {
            Violation(position: position, findingId: "LogExport::\($0)")
        })
    }
}
