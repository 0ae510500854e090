/// What the command line said, before the configuration file fills in what it left out.
public struct CommandLineSettings: Sendable {
    public var paths: [String] = []
    public var packs: [String] = []
    public var failOn: String?
    public var unknown: String?
    public var only: [String] = []
    public var skip: [String] = []
    public var levels: [(id: String, level: RuleLevel)] = []
    public var customRules: [String] = []
    public var baseline: String?

    public init() {}
}

/// The settings of a run, each with where it came from: the command line overrides the configuration file,
/// which overrides nag's defaults. `nag config` prints them.
public struct EffectiveSettings: Sendable {
    /// Where a value came from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case commandLine
        case file(FileLocation)
        case defaultValue

        public var description: String {
            switch self {
            case .commandLine: "command line"
            case .file(let location): location.description
            case .defaultValue: "default"
            }
        }
    }

    /// A value and its source.
    public struct Setting<Value: Sendable>: Sendable {
        public var value: Value
        public var source: Source
    }

    public var configFile: String?
    public var paths: Setting<[String]>
    public var packs: Setting<[String]>
    public var failOn: Setting<String>
    public var unknown: Setting<String>
    public var only: Setting<[String]>
    public var skip: Setting<[String]>
    public var levels: [(id: String, level: Setting<RuleLevel>)]
    public var customRules: Setting<[String]>
    public var exclude: Setting<[Glob]>
    public var baseline: Setting<String?>
    public var parameters: [NagConfig.ParameterSet]
    public var suppressions: [ConfigSuppression]

    public init(commandLine: CommandLineSettings, config: NagConfig?, defaultPacks: [String]) {
        func pick<T>(_ given: T?, _ file: Sourced<T>?, _ fallback: T) -> Setting<T> {
            if let given { return Setting(value: given, source: .commandLine) }
            if let file { return Setting(value: file.value, source: .file(file.origin)) }
            return Setting(value: fallback, source: .defaultValue)
        }
        func nonEmpty<T>(_ list: [T]) -> [T]? { list.isEmpty ? nil : list }
        configFile = config?.file
        paths = pick(nonEmpty(commandLine.paths), config?.paths, [])
        packs = pick(nonEmpty(commandLine.packs), config?.packs, defaultPacks)
        failOn = pick(commandLine.failOn, config?.failOn, "error")
        unknown = pick(commandLine.unknown, config?.unknown, "warning")
        only = pick(nonEmpty(commandLine.only), config?.only, [])
        skip = pick(nonEmpty(commandLine.skip), config?.skip, [])
        customRules = pick(nonEmpty(commandLine.customRules), config?.customRules, [])
        exclude = pick(nil, config?.exclude, [])
        baseline = pick(commandLine.baseline.map { Optional($0) }, config?.baseline.map { Sourced(Optional($0.value), at: $0.origin) }, nil)
        var levels: [(id: String, level: Setting<RuleLevel>)] = (config?.levels ?? []).map { ($0.id, Setting(value: $0.level.value, source: .file($0.level.origin))) }
        for (id, level) in commandLine.levels {
            levels.removeAll { $0.id == id }
            levels.append((id, Setting(value: level, source: .commandLine)))
        }
        self.levels = levels
        parameters = config?.parameters ?? []
        suppressions = config?.suppressions ?? []
    }

    /// The configuration's parameter values for one template: every matching set, later sets overriding earlier ones.
    public func parameterValues(for template: String) -> [String: String] {
        var values: [String: String] = [:]
        for set in parameters where set.templates.matches(template) {
            for (key, value) in set.values { values[key] = value }
        }
        return values
    }

    /// The report of `nag config`: one line per setting, `key: value  (source)`.
    public var description: String {
        func list<T>(_ items: [T]) -> String { "[" + items.map { "\($0)" }.joined(separator: ", ") + "]" }
        var lines = ["# configuration file: \(configFile ?? "none")"]
        func add(_ key: String, _ value: String, _ source: Source) { lines.append("\(key): \(value)  # \(source)") }
        add("paths", list(paths.value), paths.source)
        add("packs", list(packs.value), packs.source)
        add("fail-on", failOn.value, failOn.source)
        add("unknown", unknown.value, unknown.source)
        add("rules.only", list(only.value), only.source)
        add("rules.skip", list(skip.value), skip.source)
        add("custom-rules", list(customRules.value), customRules.source)
        add("exclude", list(exclude.value), exclude.source)
        add("baseline", baseline.value ?? "none", baseline.source)
        lines.append("levels:" + (levels.isEmpty ? " {}  # default" : ""))
        for (id, level) in levels { lines.append("  \(id): \(level.value.rawValue)  # \(level.source)") }
        lines.append("parameters:" + (parameters.isEmpty ? " []  # default" : ""))
        for set in parameters {
            lines.append("  - templates: \(set.templates)  # \(set.origin)")
            for (key, value) in set.values { lines.append("    \(key): \(value)") }
        }
        lines.append("suppressions:" + (suppressions.isEmpty ? " []  # default" : ""))
        for entry in suppressions {
            let applies = entry.appliesTo.map { " applies_to \(list($0))" } ?? ""
            let expiry = entry.expires.map { " until \($0)" } ?? ""
            lines.append("  - \(entry.ruleId)\(applies) on \(entry.resources) in \(entry.templates)\(expiry): \(entry.reason)  # \(entry.origin)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
