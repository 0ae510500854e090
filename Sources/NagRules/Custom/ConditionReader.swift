/// Reads the conditions of a pack file (`when`, `assert` and the nested ones), reporting every problem.
struct ConditionReader {
    var log: PackDiagnostics

    static let combinators = ["all", "any", "not"]
    static let relations = ["referenced", "referencedBy"]
    static let operators = ["exists", "absent", "equals", "notEquals", "oneOf", "matches", "contains",
                            "greaterThan", "lessThan", "atLeast", "atMost"]
    static let valueKeys = ["path", "quantifier", "assert"] + operators
    static let relationKeys = ["type", "via", "quantifier", "assert"]

    mutating func condition(_ value: Value) -> CustomCondition? {
        guard let map = value.mapValue, !map.isEmpty else {
            log.error("a condition must be a map, e.g. {path: Name, exists: true}; found \(value.kindDescription)", at: value.position)
            return nil
        }
        let structural = map.entries.filter { Self.combinators.contains($0.key) || Self.relations.contains($0.key) }
        if let first = structural.first {
            if map.count > 1 {
                let others = map.entries.filter { $0.key != first.key }.map { "`\($0.key)`" }.joined(separator: ", ")
                log.error("`\(first.key)` cannot share a map with \(others); nest them in `all` instead", at: first.keyPosition)
                return nil
            }
            return combined(first)
        }
        return valueCondition(map, at: value.position)
    }

    private mutating func combined(_ entry: ValueMap.Entry) -> CustomCondition? {
        switch entry.key {
        case "all", "any":
            guard let items = entry.value.listValue, !items.isEmpty else {
                log.error("`\(entry.key)` takes a non-empty list of conditions", at: entry.value.position)
                return nil
            }
            let parts = items.map { condition($0) }
            let read = parts.compactMap { $0 }
            guard read.count == parts.count else { return nil }
            return entry.key == "all" ? .all(read) : .any(read)
        case "not":
            return condition(entry.value).map { .not($0) }
        default:
            return relation(entry)
        }
    }

    private mutating func valueCondition(_ map: ValueMap, at position: Position) -> CustomCondition? {
        log.checkKeys(map, allowed: Self.valueKeys + Self.combinators + Self.relations, in: "a condition")
        guard map.keys.allSatisfy(Self.valueKeys.contains) else { return nil }
        let path = map.entry("path").flatMap { self.path($0.value) } ?? .current
        if map["path"] != nil, path.text.isEmpty { return nil }
        let quantifier = map.entry("quantifier").flatMap { self.quantifier($0, path: path) } ?? .all
        let operators = map.entries.filter { Self.operators.contains($0.key) }
        if let nested = map.entry("assert") {
            if let first = operators.first {
                log.error("`\(first.key)` cannot share a map with `assert`; test the value inside `assert` instead", at: first.keyPosition)
                return nil
            }
            guard path.fansOut else {
                log.error("`assert` nested under a path needs a path that reads list items (`[*]` or `[Key=Value]`)", at: nested.keyPosition)
                return nil
            }
            return condition(nested.value).map { .each(ScopeCondition(path: path, quantifier: quantifier, condition: $0)) }
        }
        guard !operators.isEmpty else {
            log.error("a condition needs an operator (\(Self.operators.joined(separator: ", "))), `assert`, or one of all, any, not, referenced, referencedBy", at: position)
            return nil
        }
        let tests = operators.map { test($0) }
        let read = tests.compactMap { $0 }
        guard read.count == tests.count else { return nil }
        return .value(ValueCondition(path: path, quantifier: quantifier, tests: read))
    }

    private mutating func relation(_ entry: ValueMap.Entry) -> CustomCondition? {
        guard let map = entry.value.mapValue else {
            log.error("`\(entry.key)` takes a map: {type: AWS::Service::Resource, quantifier: all|any|none, assert: {…}}", at: entry.value.position)
            return nil
        }
        let before = log.errors.count
        log.checkKeys(map, allowed: Self.relationKeys, in: "`\(entry.key)`")
        var types: Set<String> = []
        if let type = map.entry("type") { types = ResourceTypeReader.types(type.value, log: &log) ?? [] }
        let via = map.entry("via").flatMap { self.path($0.value) }
        let quantifier = map.entry("quantifier").flatMap { self.quantifier($0, path: nil) } ?? .all
        let nested = map.entry("assert").map { condition($0.value) }
        guard log.errors.count == before else { return nil }
        let direction: RelationCondition.Direction = entry.key == "referenced" ? .referenced : .referencedBy
        return .related(RelationCondition(direction: direction, types: types, via: via, quantifier: quantifier,
                                          condition: nested.flatMap { $0 }))
    }

    private mutating func path(_ value: Value) -> CustomPath? {
        guard let text = value.stringValue else {
            log.error("a path is a string such as ContainerDefinitions[*].Image; found \(value.kindDescription)", at: value.position)
            return nil
        }
        do {
            return try CustomPath.parse(text)
        } catch {
            log.error("bad path `\(text)`: \(error.message)", at: log.position(inScalarAt: value.position, offset: error.offset))
            return nil
        }
    }

    private mutating func quantifier(_ entry: ValueMap.Entry, path: CustomPath?) -> Quantifier? {
        guard let text = entry.value.stringValue, let quantifier = Quantifier(rawValue: text) else {
            log.error("`quantifier` is all, any or none", at: entry.value.position)
            return nil
        }
        if let path, !path.fansOut {
            log.error("`quantifier` needs a path that reads list items (`[*]` or `[Key=Value]`)", at: entry.keyPosition)
            return nil
        }
        return quantifier
    }

    private mutating func test(_ entry: ValueMap.Entry) -> ValueTest? {
        let value = entry.value
        switch entry.key {
        case "exists", "absent":
            guard let flag = value.boolValue else {
                log.error("`\(entry.key)` takes true or false", at: value.position)
                return nil
            }
            return .exists(entry.key == "exists" ? flag : !flag)
        case "equals", "notEquals", "contains":
            guard let literal = self.literal(value, for: entry.key) else { return nil }
            return entry.key == "equals" ? .equals(literal) : entry.key == "notEquals" ? .notEquals(literal) : .contains(literal)
        case "oneOf":
            guard let items = value.listValue, !items.isEmpty else {
                log.error("`oneOf` takes a non-empty list of values", at: value.position)
                return nil
            }
            let literals = items.map { literal($0, for: "oneOf") }
            let read = literals.compactMap { $0 }
            return read.count == literals.count ? .oneOf(read) : nil
        case "matches":
            guard let source = value.stringValue else {
                log.error("`matches` takes a regular expression as a string", at: value.position)
                return nil
            }
            do {
                return .matches(try CustomPattern(source))
            } catch {
                log.error("`matches`: the regular expression `\(source)` does not compile: \(error)", at: value.position)
                return nil
            }
        default:
            guard let comparison = ValueTest.Comparison(rawValue: entry.key) else { return nil }
            guard let text = value.scalarText, value.boolValue == nil, let bound = Double(text) else {
                log.error("`\(entry.key)` takes a number", at: value.position)
                return nil
            }
            return .compare(comparison, bound)
        }
    }

    private mutating func literal(_ value: Value, for key: String) -> Value? {
        switch value.kind {
        case .null:
            log.error("`\(key)` needs a value (to test that a property is not set, use `absent: true`)", at: value.position)
            return nil
        case .intrinsic(let function):
            log.error("`\(key)` takes a literal; \(function.name.rawValue) is not evaluated in a pack file", at: value.position)
            return nil
        default:
            return value
        }
    }
}

/// Reads resource type names: a string or a list of strings, each `AWS::Service::Resource`-shaped.
enum ResourceTypeReader {
    static func types(_ value: Value, log: inout PackDiagnostics) -> Set<String>? {
        let items = value.listValue ?? [value]
        var types: Set<String> = []
        var valid = true
        for item in items {
            guard let name = item.stringValue, isTypeName(name) else {
                log.error("a resource type looks like AWS::Service::Resource; found \(item.scalarText.map { "`\($0)`" } ?? item.kindDescription)", at: item.position)
                valid = false
                continue
            }
            types.insert(name)
        }
        if items.isEmpty {
            log.error("give at least one resource type", at: value.position)
            return nil
        }
        return valid ? types : nil
    }

    static func isTypeName(_ name: String) -> Bool {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        // `A::B::C` splits into A, "", B, "", C.
        guard parts.count >= 5, parts.count % 2 == 1 else { return false }
        for (index, part) in parts.enumerated() {
            if index % 2 == 1 {
                guard part.isEmpty else { return false }
            } else {
                guard !part.isEmpty, part.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
            }
        }
        return true
    }
}
