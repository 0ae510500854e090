/// A list of named settings, each a map with one or more fields that name it and a field that holds its
/// value: load balancer attributes (`Key`, `Value`), ECS cluster settings (`Name`, `Value`), Elastic
/// Beanstalk option settings (`Namespace`, `OptionName`, `Value`), Redshift parameters (`ParameterName`,
/// `ParameterValue`), API Gateway method settings (`HttpMethod`, `ResourcePath`, `LoggingLevel`).
///
/// The one walker for such lists. Look a setting up by name, three-valued, with
/// ``hasSetting(named:in:of:context:_:)`` (a property of the resource) or ``some(named:in:context:otherwise:_:)``
/// (items already read); judge settings some other way with ``some(in:otherwise:_:)``; and use
/// ``value(named:in:context:)`` or ``entries(in:context:)`` when whatever cannot be read may be passed over.
///
/// ```swift
/// SettingsList.keyValue.hasSetting(named: ["access_logs.s3.enabled"], in: "LoadBalancerAttributes",
///                                  of: balancer, context: context) { value in
///     value.scalar.unresolved.map(Verdict.undecided) ?? .from(value.scalar.text == "true")
/// }.outcome
/// ```
struct SettingsList: Sendable {
    /// The fields that together name a setting, in the order they are read.
    var nameFields: [String]
    /// The field that holds the setting's value.
    var valueField: String

    /// `[{Key, Value}]`: load balancer attributes, tags.
    static let keyValue = SettingsList(nameFields: ["Key"], valueField: "Value")
    /// `[{Name, Value}]`: ECS cluster settings.
    static let nameValue = SettingsList(nameFields: ["Name"], valueField: "Value")

    /// One setting of the list, as written.
    struct Setting {
        /// The values of the name fields, in order.
        var names: [Value?]
        /// The value of the value field.
        var value: Value?
        /// The value of the first name field: the name, for a list named by one field.
        var name: Value? { names.first ?? nil }
    }

    private func setting(_ map: ValueMap) -> Setting {
        Setting(names: nameFields.map { map[$0] }, value: map[valueField])
    }

    /// Whether some setting is as `judge` wants it: holds at the first setting judged to hold; with none,
    /// undecided at the first item nag cannot resolve or the first setting judged undecided; otherwise
    /// `otherwise`. Items that are not maps do not count.
    func some(in items: [Resolved], otherwise: Verdict, _ judge: (Setting) -> Verdict) -> Verdict {
        Verdict.someMap(in: items, otherwise: otherwise) { judge(setting($0)) }
    }

    /// Whether the setting named `names` (one text per name field) has a value `judge` holds for, as
    /// ``some(in:otherwise:_:)`` decides it. A setting with a name field nag cannot resolve is undecided;
    /// one named otherwise does not count.
    func some(named names: [String], in items: [Resolved], context: RuleContext, otherwise: Verdict,
              _ judge: (Resolved) -> Verdict) -> Verdict {
        some(in: items, otherwise: otherwise) { setting in
            let resolved = setting.names.map { context.resolve($0) }
            if let why = resolved.lazy.compactMap(\.unresolved).first { return .undecided(why) }
            guard resolved.map(\.string) == names else { return .fails }
            return judge(context.resolve(setting.value))
        }
    }

    /// Whether the `property` list of `resource` has the setting named `names` with a value `judge` holds for,
    /// as ``some(named:in:context:otherwise:_:)`` decides it: fails at the resource when the list is not set,
    /// at the list when no setting is as wanted; undecided when the list cannot be resolved.
    ///
    func hasSetting(named names: [String], in property: String, of resource: Resource, context: RuleContext,
                    _ judge: (Resolved) -> Verdict) -> Verdict {
        switch PropertyLookup.items(resource[property: property], in: context) {
        case nil: return .fails(at: resource.position)
        case .failure(let why)?: return .undecided(why)
        case .success(let items)?:
            let missing = Verdict.fails(at: PropertyLookup.position(of: property, in: resource.properties, else: resource.position))
            return some(named: names, in: items, context: context, otherwise: missing, judge)
        }
    }

    /// Every setting whose name resolves to a text and that has a value, in order, with the value as written;
    /// items and names nag cannot resolve are passed over. For a list named by one field.
    func entries(in items: [Resolved], context: RuleContext) -> [(name: String, value: Value)] {
        items.compactMap { item in
            guard let map = item.map, let name = context.resolve(setting(map).name).string,
                  let value = map[valueField] else { return nil }
            return (name, value)
        }
    }

    /// The value, as written, of the first setting named `name` that has one, as ``entries(in:context:)``
    /// reads them.
    func value(named name: String, in items: [Resolved], context: RuleContext) -> Value? {
        entries(in: items, context: context).first { $0.name == name }?.value
    }
}
