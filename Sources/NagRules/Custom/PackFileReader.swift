/// Reads one pack file: `pack`, `description` and `rules`, each rule with its conditions and examples.
struct PackFileReader {
    var log: PackDiagnostics

    static let packKeys = ["pack", "description", "rules"]
    static let ruleKeys = ["id", "level", "cause", "explanation", "fix", "resourceTypes", "when", "assert",
                           "unresolved", "examples"]
    static let exampleKeys = ["compliant", "nonCompliant", "unknown"]

    init(file: String, text: String) {
        self.log = PackDiagnostics(file: file, text: text)
    }

    /// The pack, or nil when the file has errors (all of them are in `log`).
    mutating func read(_ root: Value) -> (pack: RulePack, location: FileLocation)? {
        guard let map = root.mapValue else {
            log.error("a pack file is a map with `pack` (its name), `description` and `rules`", at: root.position)
            return nil
        }
        log.checkKeys(map, allowed: Self.packKeys, in: "a pack")
        guard let nameEntry = map.entry("pack") else {
            log.error("the pack has no name: add `pack: Name` (rule ids then start with `Name-`)", at: root.position)
            return nil
        }
        let name = nameEntry.value.stringValue ?? ""
        if !Self.isPackName(name) {
            log.error("a pack name is a letter followed by letters and digits, e.g. `Service`", at: nameEntry.value.position)
        }
        if let reserved = BuiltInPacks.all.first(where: { $0.name.lowercased() == name.lowercased() }) {
            log.error("`\(name)` is the name of the built-in pack \(reserved.name); choose another", at: nameEntry.value.position)
        }
        let summary = map["description"].flatMap { text($0, "description") } ?? ""
        guard let rulesValue = map["rules"], let items = rulesValue.listValue, !items.isEmpty else {
            log.error("the pack needs `rules`: a non-empty list of rules", at: map["rules"]?.position ?? root.position)
            return nil
        }
        var rules: [CustomRule] = []
        var seen: [String: Position] = [:]
        for item in items {
            guard let rule = rule(item, pack: name) else { continue }
            if let first = seen[rule.id.description] {
                log.error("duplicate rule id \(rule.id) (first defined at \(log.file):\(first))",
                          at: rule.location.position, related: [first])
                continue
            }
            seen[rule.id.description] = rule.location.position
            rules.append(rule)
        }
        guard log.errors.isEmpty else { return nil }
        return (RulePack(name: name, summary: summary, rules: rules.map(\.rule)), FileLocation(file: log.file, position: nameEntry.value.position))
    }

    static func isPackName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    private mutating func rule(_ value: Value, pack: String) -> CustomRule? {
        guard let map = value.mapValue else {
            log.error("a rule is a map with id, level, cause, explanation, fix, resourceTypes and assert", at: value.position)
            return nil
        }
        let before = log.errors.count
        log.checkKeys(map, allowed: Self.ruleKeys, in: "a rule")
        guard let idEntry = map.entry("id"), let id = idEntry.value.stringValue else {
            log.error("the rule has no `id` (e.g. \(pack)-ECS1)", at: value.position)
            return nil
        }
        let suffix = id.hasPrefix(pack + "-") ? id.dropFirst(pack.count + 1) : ""
        if suffix.isEmpty || !suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            log.error("rule id `\(id)` must be \(pack)-Suffix (the pack name, a dash, then letters and digits)", at: idEntry.value.position)
        }
        var level = RuleLevel.error
        if let entry = map.entry("level") {
            if let text = entry.value.stringValue, let parsed = RuleLevel(rawValue: text) { level = parsed } else {
                log.error("`level` is error or warning", at: entry.value.position)
            }
        }
        var policy = CustomRule.UnresolvedPolicy.unknown
        if let entry = map.entry("unresolved") {
            if let text = entry.value.stringValue, let parsed = CustomRule.UnresolvedPolicy(rawValue: text) { policy = parsed } else {
                log.error("`unresolved` is unknown, pass or fail", at: entry.value.position)
            }
        }
        let texts = ["cause", "explanation", "fix"].map { key in required(map, key, in: value) }
        var types: Set<String> = []
        if let entry = map.entry("resourceTypes") {
            types = ResourceTypeReader.types(entry.value, log: &log) ?? []
        } else {
            log.error("the rule has no `resourceTypes` (e.g. [AWS::ECS::TaskDefinition])", at: value.position)
        }
        var conditions = ConditionReader(log: log)
        let when = map["when"].map { conditions.condition($0) }
        let assertion = map["assert"].map { conditions.condition($0) }
        log = conditions.log
        if map["assert"] == nil { log.error("the rule has no `assert`: the condition a compliant resource meets", at: value.position) }
        let examples = map["examples"].map { self.examples($0) } ?? []
        guard log.errors.count == before, let assertion = assertion.flatMap({ $0 }) else { return nil }
        let about = CheckAbout(
            resourceTypes: types, cause: texts[0] ?? "", explanation: texts[1] ?? "", fix: texts[2] ?? "",
            examples: examples.map(\.example))
        return CustomRule(id: RuleID(pack: pack, suffix: String(suffix)), level: level, about: about,
                          when: when.flatMap { $0 }, assertion: assertion, unresolved: policy,
                          location: FileLocation(file: log.file, position: idEntry.value.position),
                          exampleOrigins: examples.map(\.origin))
    }

    private mutating func required(_ map: ValueMap, _ key: String, in rule: Value) -> String? {
        guard let value = map[key] else {
            log.error("the rule has no `\(key)`", at: rule.position)
            return nil
        }
        return text(value, key)
    }

    private mutating func text(_ value: Value, _ key: String) -> String? {
        guard let text = value.scalarText, value.boolValue == nil, !text.trimmedWhitespace.isEmpty else {
            log.error("`\(key)` is a non-empty text", at: value.position)
            return nil
        }
        return text.trimmedWhitespace
    }

    private mutating func examples(_ value: Value) -> [(example: RuleExample, origin: ExampleOrigin)] {
        guard let map = value.mapValue else {
            log.error("`examples` is a map with `compliant`, `nonCompliant` and `unknown` lists of templates", at: value.position)
            return []
        }
        log.checkKeys(map, allowed: Self.exampleKeys, in: "`examples`")
        var examples: [(example: RuleExample, origin: ExampleOrigin)] = []
        for entry in map.entries {
            let expectation: RuleExample.Expectation
            switch entry.key {
            case "compliant": expectation = .compliant
            case "nonCompliant": expectation = .nonCompliant
            case "unknown": expectation = .unknown
            default: continue
            }
            guard let items = entry.value.listValue else {
                log.error("`\(entry.key)` is a list of templates (use `- |` for each)", at: entry.value.position)
                continue
            }
            for item in items { if let example = example(item, expectation) { examples.append(example) } }
        }
        return examples
    }

    private mutating func example(_ item: Value, _ expectation: RuleExample.Expectation) -> (example: RuleExample, origin: ExampleOrigin)? {
        var template = item.stringValue
        var scalar = item.position
        var parameters: [String: String] = [:]
        var scenario: String?
        if let map = item.mapValue {
            log.checkKeys(map, allowed: ["template", "parameters", "when"], in: "an example")
            if let when = map["when"] {
                if let text = when.stringValue, expectation != .compliant { scenario = text } else {
                    log.error("`when` names the parameter choices a nonCompliant or unknown example's findings hold under, as a string (`Encrypt=false`)", at: when.position)
                }
            }
            template = map["template"]?.stringValue
            scalar = map["template"]?.position ?? item.position
            for entry in map["parameters"]?.mapValue?.entries ?? [] {
                guard let text = entry.value.scalarText else {
                    log.error("a parameter value is a scalar", at: entry.value.position)
                    continue
                }
                parameters[entry.key] = text
            }
        }
        guard let template else {
            log.error("an example is a template as a string (`- |`), or {template: …, parameters: {…}}", at: item.position)
            return nil
        }
        var example = RuleExample(expectation, template, parameters: parameters, file: log.file, line: scalar.line)
        example.scenario = scenario
        return (example, origin(of: scalar))
    }

    /// Where a template scalar's text starts: for a block scalar (`|`), the next non-empty line's indentation.
    private func origin(of scalar: Position) -> ExampleOrigin {
        let location = FileLocation(file: log.file, position: scalar)
        let lines = log.lines
        guard scalar.line >= 1, scalar.line <= lines.count else { return ExampleOrigin(location: location, indent: 0) }
        let head = lines[scalar.line - 1].unicodeScalars.dropFirst(scalar.column - 1)
        guard let indicator = head.first, indicator == "|" || indicator == ">" else { return ExampleOrigin(location: location, indent: 0) }
        var index = scalar.line
        while index < lines.count, lines[index].allSatisfy({ $0 == " " || $0 == "\r" }) { index += 1 }
        guard index < lines.count else { return ExampleOrigin(location: location, indent: 0) }
        let indent = lines[index].prefix { $0 == " " }.count
        return ExampleOrigin(location: location, firstLine: scalar.line + 1, indent: indent)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmedWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
