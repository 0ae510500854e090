import ArgumentParser
import NagRules

/// Options that choose rules: packs, filters and level changes.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("pack"), help: ArgumentHelp("A rule pack to run (repeatable; `all` for every built-in pack; default: \(BuiltInPacks.defaultNames.joined(separator: " and "))).", valueName: "name"))
    var packs: [String] = []

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only rules whose id starts with this (repeatable).", valueName: "id"))
    var only: [String] = []

    @Option(name: .customLong("skip-rule"), help: ArgumentHelp("Skip rules whose id starts with this (repeatable).", valueName: "id"))
    var skip: [String] = []

    @Option(name: .customLong("level"), help: ArgumentHelp("Change a rule's level, RULE-ID=error|warning (repeatable).", valueName: "id=level"))
    var levels: [String] = []

    /// The `--level` options as (rule id, level), in the order given.
    func levelPairs() throws -> [(id: String, level: RuleLevel)] {
        try levels.map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let level = RuleLevel(rawValue: parts[1]) else {
                throw ValidationError("--level takes RULE-ID=error or RULE-ID=warning, got \(item)")
            }
            return (parts[0], level)
        }
    }

    func selection() throws -> RuleSelection {
        var overrides: [String: RuleLevel] = [:]
        for item in levels {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let level = RuleLevel(rawValue: parts[1]) else {
                throw ValidationError("--level takes RULE-ID=error or RULE-ID=warning, got \(item)")
            }
            overrides[parts[0]] = level
        }
        return RuleSelection(packNames: packs.isEmpty ? BuiltInPacks.defaultNames : packs, only: only, skip: skip,
                             levelOverrides: overrides)
    }
}
