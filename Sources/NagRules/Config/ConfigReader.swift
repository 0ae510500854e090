/// Every problem of a configuration file, each located (`file:line:col: error: …`).
public struct ConfigError: Error, Sendable {
    public var diagnostics: [LoadDiagnostic]

    public init(diagnostics: [LoadDiagnostic]) {
        self.diagnostics = diagnostics
    }
}

extension NagConfig {
    /// The file name looked for in the working directory and its parents.
    public static let fileName = ".nag.yaml"

    /// The keys of the file, for messages.
    static let keys = ["paths", "packs", "fail-on", "unknown", "rules", "levels", "custom-rules", "exclude", "parameters",
                       "suppressions", "baseline"]

    /// Parses and validates a configuration file's text. `folder` is the file's folder as reached from the working
    /// directory (`.`, `..`, `../..`): relative paths in the file are joined to it.
    public static func parse(bytes: [UInt8], file: String, folder: String) throws(ConfigError) -> NagConfig {
        var config = NagConfig(file: file)
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return config }
        let root: Value
        do {
            root = try DocumentLoader().parse(bytes: bytes, file: file, format: .yaml).root
        } catch {
            throw ConfigError(diagnostics: [error])
        }
        var reader = ConfigValueReader(file: file, folder: folder)
        if root.isNull { return config }
        guard let map = root.mapValue else {
            throw ConfigError(diagnostics: [reader.diagnostic("the configuration is a map of settings (\(keys.joined(separator: ", "))), not \(root.kindDescription)", root.position)])
        }
        for entry in map.entries {
            let value = entry.value
            switch entry.key {
            case "paths": config.paths = reader.strings(value, key: "paths").map { Sourced($0.map(reader.resolve), at: reader.at(value)) }
            case "packs": config.packs = reader.strings(value, key: "packs").map { Sourced($0, at: reader.at(value)) }
            case "fail-on": config.failOn = reader.choice(value, key: "fail-on", from: failLevels)
            case "unknown": config.unknown = reader.choice(value, key: "unknown", from: unknownLevels)
            case "rules":
                guard let rules = reader.map(value, key: "rules", keys: ["only", "skip"]) else { continue }
                if let only = rules["only"] { config.only = reader.strings(only, key: "rules.only").map { Sourced($0, at: reader.at(only)) } }
                if let skip = rules["skip"] { config.skip = reader.strings(skip, key: "rules.skip").map { Sourced($0, at: reader.at(skip)) } }
            case "levels":
                guard let levels = reader.map(value, key: "levels", keys: nil) else { continue }
                for level in levels.entries {
                    guard let chosen = reader.choice(level.value, key: "levels.\(level.key)", from: ["error", "warning"]),
                          let parsed = RuleLevel(rawValue: chosen.value) else { continue }
                    config.levels.append((level.key, Sourced(parsed, at: chosen.origin)))
                }
            case "custom-rules": config.customRules = reader.strings(value, key: "custom-rules").map { Sourced($0.map(reader.resolve), at: reader.at(value)) }
            case "exclude": config.exclude = reader.strings(value, key: "exclude").map { Sourced($0.map(Glob.init), at: reader.at(value)) }
            case "baseline": config.baseline = reader.string(value, key: "baseline").map { Sourced(reader.resolve($0), at: reader.at(value)) }
            case "parameters":
                guard let list = reader.list(value, key: "parameters") else { continue }
                config.parameters = list.compactMap { reader.parameterSet($0) }
            case "suppressions":
                guard let list = reader.list(value, key: "suppressions") else { continue }
                config.suppressions = list.compactMap { reader.suppression($0) }
            default:
                reader.problems.append(reader.diagnostic("unknown key \(entry.key) (known: \(keys.joined(separator: ", ")))", entry.keyPosition))
            }
        }
        if !reader.problems.isEmpty { throw ConfigError(diagnostics: reader.problems) }
        return config
    }
}
