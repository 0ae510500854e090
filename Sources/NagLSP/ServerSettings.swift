import Foundation
import NagRules

/// What the editor's user chose: the same choices as `nag`'s options, read from the client's settings
/// (`initializationOptions`, then `workspace/didChangeConfiguration`, under `nag` or at the top level).
///
/// ```json
/// {"nag": {"packs": ["AwsSolutions", "Serverless"], "failOn": "warning", "parameters": {"Env": "prod"},
///          "customRules": ["rules/"], "showSuppressed": true}}
/// ```
public struct ServerSettings: Sendable {
    /// Packs to run (`--pack`); nil for nag's default packs.
    public var packs: [String]?
    /// Only / not the rules whose id starts with one of these (`--rule`, `--skip-rule`).
    public var onlyRules: [String] = []
    public var skipRules: [String] = []
    /// The lowest level shown as an error (`--fail-on`): findings that would fail `nag` are errors in the
    /// editor, the rest warnings. Nil (`none`): every finding is a warning.
    public var failOn: RuleLevel? = .error
    /// Whether unknowns are shown (`--unknown ignore` hides them); they are always information, not errors.
    public var showUnknowns = true
    /// Parameter values (`--parameters`); they override the project's.
    public var parameters: [String: String] = [:]
    /// The project configuration's parameter values, each set for the templates its glob matches (paths
    /// relative to the workspace folder).
    public var parameterSets: [NagConfig.ParameterSet] = []
    /// Rule levels changed (`--level ID=LEVEL`).
    public var levels: [String: RuleLevel] = [:]
    /// Custom rule pack files or folders (`--rules`); relative paths are read from the workspace folder.
    public var customRules: [String] = []
    /// Suppressed findings as hints with their reason.
    public var showSuppressed = true
    /// The page each rule's `codeDescription` links to; a rule's pack is its anchor.
    public var rulesDocumentation = ServerSettings.defaultRulesDocumentation
    /// How long after the last change diagnostics are computed.
    public var debounceMilliseconds = 150

    /// The rule tables of this repository's documentation (`docs/rules.md`). `<org>` is the placeholder the
    /// README, the pre-commit hook and the GitHub Action use until the repository has its public home; set
    /// `rulesDocumentation` to your copy meanwhile.
    public static let defaultRulesDocumentation = "https://github.com/<org>/nag/blob/main/docs/rules.md"

    public init() {}

    /// These settings with what `json` says applied over them, and a message for each value not understood
    /// (the value is then left as it was).
    public func applying(_ json: JSONValue) -> (settings: ServerSettings, problems: [String]) {
        let json = json["nag"] ?? json
        var settings = self
        var problems: [String] = []
        func strings(_ key: String) -> [String]? {
            guard let value = json[key], !value.isNull else { return nil }
            if let one = value.stringValue { return [one] }
            guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                problems.append("nag.\(key) must be a list of strings")
                return nil
            }
            return items.compactMap(\.stringValue)
        }
        func flag(_ key: String) -> Bool? {
            guard let value = json[key], !value.isNull else { return nil }
            if value.boolValue == nil { problems.append("nag.\(key) must be true or false") }
            return value.boolValue
        }
        if let packs = strings("packs") { settings.packs = packs.isEmpty ? nil : packs }
        if let rules = strings("rule") { settings.onlyRules = rules }
        if let rules = strings("skipRule") { settings.skipRules = rules }
        if let paths = strings("customRules") { settings.customRules = paths }
        if let value = json["failOn"]?.stringValue {
            switch value.lowercased() {
            case "error": settings.failOn = .error
            case "warning": settings.failOn = .warning
            case "none": settings.failOn = nil
            default: problems.append("nag.failOn must be error, warning or none, not \(value)")
            }
        }
        if let value = json["unknown"]?.stringValue {
            switch value.lowercased() {
            case "error", "warning": settings.showUnknowns = true
            case "ignore": settings.showUnknowns = false
            default: problems.append("nag.unknown must be error, warning or ignore, not \(value)")
            }
        }
        if let value = json["parameters"], !value.isNull {
            if let members = value.objectValue {
                settings.parameters = members.compactMapValues { $0.stringValue ?? $0.scalarText }
            } else {
                problems.append("nag.parameters must be an object of parameter names and values")
            }
        }
        if let value = json["levels"], !value.isNull {
            if let members = value.objectValue {
                for (id, level) in members {
                    guard let level = level.stringValue.flatMap(RuleLevel.init(rawValue:)) else {
                        problems.append("nag.levels.\(id) must be error or warning")
                        continue
                    }
                    settings.levels[id] = level
                }
            } else {
                problems.append("nag.levels must be an object of rule ids and levels")
            }
        }
        if let show = flag("showSuppressed") { settings.showSuppressed = show }
        if let url = json["rulesDocumentation"]?.stringValue { settings.rulesDocumentation = url }
        if let value = json["debounce"], !value.isNull {
            if let ms = value.intValue, (0...10_000).contains(ms) { settings.debounceMilliseconds = ms } else {
                problems.append("nag.debounce must be a number of milliseconds from 0 to 10000")
            }
        }
        return (settings, problems)
    }

    /// The parameter values for the template at `path`: the project's sets that match it (later ones win),
    /// then the editor's values.
    func parameterValues(for path: String, root: String?) -> [String: String] {
        guard !parameterSets.isEmpty else { return parameters }
        var relative = path
        if let root, path.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            relative = String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
        }
        var values: [String: String] = [:]
        for set in parameterSets where set.templates.matches(relative) {
            for (key, value) in set.values { values[key] = value }
        }
        return values.merging(parameters) { $1 }
    }

    /// The linter these settings describe, with the custom packs already loaded.
    func linter(customPacks: [RulePack], parameterValues: [String: String]? = nil) -> Linter {
        var selection = RuleSelection(packNames: packs ?? BuiltInPacks.defaultNames, only: onlyRules, skip: skipRules,
                                      levelOverrides: levels)
        for pack in customPacks where !selection.packNames.contains(where: { $0.lowercased() == pack.name.lowercased() }) {
            selection.packNames.append(pack.name)
        }
        let options = EvaluationOptions(parameterValues: parameterValues ?? parameters, unknownLevel: showUnknowns ? .warning : nil)
        return Linter(availablePacks: BuiltInPacks.all + customPacks, selection: selection, options: options)
    }

    /// The custom packs, read from disk (relative paths from `root`), or the problems that stop them loading.
    func loadCustomPacks(root: String?) -> Result<[RulePack], CustomPackErrors> {
        guard !customRules.isEmpty else { return .success([]) }
        let paths = customRules.map { path in
            guard let root, !path.hasPrefix("/") else { return path }
            return (root as NSString).appendingPathComponent(path)
        }
        do {
            return .success(try CustomPackLoader().load(paths: paths))
        } catch {
            return .failure(error)
        }
    }
}

extension JSONValue {
    /// A scalar as text: parameter values may be written as numbers or booleans.
    var scalarText: String? {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): d.description
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}
