/// Reads the values of a configuration file, collecting a located problem for each one that is wrong.
struct ConfigValueReader {
    let file: String
    /// The file's folder as reached from the working directory.
    let folder: String
    var problems: [LoadDiagnostic] = []

    init(file: String, folder: String) {
        self.file = file
        self.folder = folder
    }

    func at(_ value: Value) -> FileLocation { FileLocation(file: file, position: value.position) }

    func diagnostic(_ message: String, _ position: Position) -> LoadDiagnostic {
        LoadDiagnostic(message, at: FileLocation(file: file, position: position))
    }

    /// A path from the file, as a path from the working directory.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || folder == "." || folder.isEmpty { return path }
        return folder + "/" + path
    }

    mutating func string(_ value: Value, key: String) -> String? {
        guard let text = value.scalarText, !text.isEmpty else {
            problems.append(diagnostic("\(key) must be a non-empty string, not \(value.kindDescription)", value.position))
            return nil
        }
        return text
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ value: Value, key: String) -> [String]? {
        if value.scalarText != nil { return string(value, key: key).map { [$0] } }
        guard let items = value.listValue else {
            problems.append(diagnostic("\(key) must be a list of strings, not \(value.kindDescription)", value.position))
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let text = string(item, key: "an item of \(key)") else { return nil }
            result.append(text)
        }
        return result
    }

    mutating func choice(_ value: Value, key: String, from allowed: [String]) -> Sourced<String>? {
        guard let text = value.scalarText, allowed.contains(text) else {
            let got = value.scalarText.map { "\($0)" } ?? value.kindDescription
            problems.append(diagnostic("\(key) must be \(allowed.joined(separator: ", ")), not \(got)", value.position))
            return nil
        }
        return Sourced(text, at: at(value))
    }

    mutating func list(_ value: Value, key: String) -> [Value]? {
        guard let items = value.listValue else {
            problems.append(diagnostic("\(key) must be a list, not \(value.kindDescription)", value.position))
            return nil
        }
        return items
    }

    /// A map whose keys are among `keys` (any keys when nil); each unknown key is a problem at the key.
    mutating func map(_ value: Value, key: String, keys: [String]?) -> ValueMap? {
        guard let map = value.mapValue else {
            problems.append(diagnostic("\(key) must be a map, not \(value.kindDescription)", value.position))
            return nil
        }
        if let keys {
            for entry in map.entries where !keys.contains(entry.key) {
                problems.append(diagnostic("unknown key \(entry.key) in \(key) (known: \(keys.joined(separator: ", ")))", entry.keyPosition))
            }
        }
        return map
    }

    mutating func required(_ map: ValueMap, _ key: String, in context: String, at position: Position) -> Value? {
        guard let value = map[key] else {
            problems.append(diagnostic("\(context) needs \(key)", position))
            return nil
        }
        return value
    }

    mutating func parameterSet(_ value: Value) -> NagConfig.ParameterSet? {
        guard let map = map(value, key: "a parameters entry", keys: ["templates", "values"]),
              let templates = required(map, "templates", in: "a parameters entry", at: value.position).flatMap({ string($0, key: "templates") }),
              let values = required(map, "values", in: "a parameters entry", at: value.position).flatMap({ self.map($0, key: "values", keys: nil) })
        else { return nil }
        var pairs: [(key: String, value: String)] = []
        for entry in values.entries {
            guard let text = string(entry.value, key: "parameter \(entry.key)") else { continue }
            pairs.append((entry.key, text))
        }
        return NagConfig.ParameterSet(templates: Glob(templates), values: pairs, origin: at(value))
    }

    mutating func suppression(_ value: Value) -> ConfigSuppression? {
        let context = "a suppression"
        guard let map = map(value, key: context, keys: ["id", "applies_to", "resources", "templates", "reason", "expires"]) else { return nil }
        let id = required(map, "id", in: context, at: value.position).flatMap { string($0, key: "id") }
        let reasonValue = required(map, "reason", in: context, at: value.position)
        var reason = reasonValue.flatMap { string($0, key: "reason") }
        if let text = reason, let reasonValue, text.count < Suppression.minimumReasonLength {
            problems.append(diagnostic("reason must say why in at least \(Suppression.minimumReasonLength) characters", reasonValue.position))
            reason = nil
        }
        let resources = map["resources"].flatMap { string($0, key: "resources") } ?? "*"
        let templates = map["templates"].flatMap { string($0, key: "templates") } ?? "**"
        let appliesTo = map["applies_to"].flatMap { strings($0, key: "applies_to") }
        var expires: CalendarDate?
        if let written = map["expires"] {
            expires = written.scalarText.flatMap(CalendarDate.init(parsing:))
            if expires == nil {
                problems.append(diagnostic("expires must be a date written YYYY-MM-DD, not \(written.scalarText ?? written.kindDescription)", written.position))
                return nil
            }
        }
        guard let id, let reason else { return nil }
        return ConfigSuppression(ruleId: id, appliesTo: appliesTo, resources: Glob(resources), templates: Glob(templates),
                                 reason: reason, expires: expires, origin: at(value))
    }
}
