/// The values a deployer may give each parameter that the run leaves open, and the parameters nag decides
/// with their `Default`.
///
/// A parameter is *variable* when no value is supplied (`--parameters`, a parent stack) and its
/// `AllowedValues` lists the choices: nag then answers for each of them (``Scenario``). A list parameter
/// (`CommaDelimitedList`, `List<…>`) ranges over its `Default`, each allowed value alone, and all of them
/// together. A parameter with a `Default` and no `AllowedValues` is *assumed* to keep its `Default`, and a
/// finding that read it says so.
public struct ParameterSpace: Sendable {
    /// One variable parameter's choices.
    public struct Domain: Sendable, Equatable {
        /// Every value a deployer may choose, the `Default` first when it is one of them.
        public var values: [String]
        /// The value decided when nothing chose one: the `Default`, else the first allowed value.
        public var provisional: String
        /// Whether ``provisional`` is the parameter's `Default` (else a deployer must choose).
        public var isDefault: Bool
    }

    /// The variable parameters, by name.
    public let domains: [String: Domain]
    /// The parameters assumed to keep their `Default`, with the default's text.
    public let assumedDefaults: [String: String]

    /// No variable parameter and nothing assumed: every `Ref` to a parameter resolves as supplied.
    public static let none = ParameterSpace(domains: [:], assumedDefaults: [:])

    public init(domains: [String: Domain], assumedDefaults: [String: String]) {
        self.domains = domains
        self.assumedDefaults = assumedDefaults
    }

    /// The space of `template`'s parameters that `supplied` and `undecided` leave open; `inherited` gives the
    /// choices of parameters a parent stack passes one of its own variable parameters to.
    public init(template: Template, supplied: [String: String], undecided: [String: String] = [:],
                inherited: [String: Domain] = [:]) {
        var domains: [String: Domain] = [:]
        var assumed: [String: String] = [:]
        for parameter in template.parameters
        where supplied[parameter.name] == nil && undecided[parameter.name] == nil && !parameter.isStoredInSSM {
            if let domain = inherited[parameter.name] {
                domains[parameter.name] = domain
                continue
            }
            let defaultText = parameter.defaultValue?.scalarText
            if let domain = Self.domain(of: parameter, defaultText: defaultText) {
                domains[parameter.name] = domain
            } else if let defaultText {
                assumed[parameter.name] = defaultText
            }
        }
        self.init(domains: domains, assumedDefaults: assumed)
    }

    private static func domain(of parameter: Parameter, defaultText: String?) -> Domain? {
        guard let allowed = parameter.definition["AllowedValues"]?.listValue?.compactMap(\.scalarText), !allowed.isEmpty else {
            return nil
        }
        var values: [String] = []
        func add(_ value: String) { if !values.contains(value) { values.append(value) } }
        if parameter.isList {
            if let defaultText { add(Self.normalizedList(defaultText)) }
            allowed.forEach(add)
            add(allowed.joined(separator: ","))
        } else {
            if let defaultText, allowed.contains(defaultText) { add(defaultText) }
            allowed.forEach(add)
        }
        guard let first = values.first else { return nil }
        let isDefault = defaultText.map { parameter.isList ? Self.normalizedList($0) == first : $0 == first } ?? false
        return Domain(values: values, provisional: first, isDefault: isDefault)
    }

    /// A list parameter's text with the spaces around its items removed, so `a, b` and `a,b` are one choice.
    private static func normalizedList(_ text: String) -> String {
        text.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }.joined(separator: ",")
    }

    /// Whether any parameter is variable or assumed (else scenarios never arise).
    public var isEmpty: Bool { domains.isEmpty && assumedDefaults.isEmpty }
}
