/// One value a path reads, with where to point a finding about it.
struct Slot: Sendable {
    var resolved: Resolved
    /// The key of the deepest property on the way that is written in the template (or the list item), else
    /// the position of the scope (the resource's logical id at the top).
    var position: Position
    /// The concrete path from the resource's `Properties`, with list indexes: `ContainerDefinitions[0].User`.
    var path: PropertyPath

    /// A short statement of what the slot holds, for a finding's detail.
    var statement: String {
        let name = path.components.isEmpty ? "Properties" : path.description
        switch resolved {
        case .absent: return "\(name) is not set"
        case .unknown(let why): return "\(name) cannot be resolved: \(why.reason)"
        case .resource(let link):
            return "\(name) refers to \(link.logicalId)" + (link.attribute.map { " (\($0))" } ?? "")
        case .value(let value):
            if let text = value.scalarText { return "\(name) is \(text)" }
            return "\(name) is \(value.kindDescription)"
        }
    }
}

/// Walks a ``CustomPath`` through resolved values.
struct PathReader {
    let resolver: Resolver

    /// The values `path` reads from `start`, and the slot just before the path's first `[*]` or filter (the
    /// list a finding about "no such item" points at; the last slot when the path does not fan out).
    func read(_ path: CustomPath, from start: Slot) -> (slots: [Slot], anchor: Slot) {
        var slots = [start]
        var anchor = start
        var fannedOut = false
        for step in path.steps {
            if step.fansOut, !fannedOut, let only = slots.first {
                anchor = only
                fannedOut = true
            }
            var next: [Slot] = []
            for slot in slots { next += self.step(step, from: slot) }
            slots = next
        }
        if !fannedOut, let only = slots.first { anchor = only }
        return (slots, anchor)
    }

    private func step(_ step: CustomPath.Step, from slot: Slot) -> [Slot] {
        switch slot.resolved {
        case .unknown:
            return [slot]
        case .absent:
            switch step {
            case .every, .filter: return []
            case .key(let key): return [Slot(resolved: .absent, position: slot.position, path: slot.path.appending(.key(key)))]
            case .index(let index): return [Slot(resolved: .absent, position: slot.position, path: slot.path.appending(.index(index)))]
            }
        case .resource(let link):
            let what = link.attribute.map { "attribute \($0) of \(link.logicalId)" } ?? link.logicalId
            var unknown = slot
            unknown.resolved = .unknown(Unresolved("\(slot.path) refers to \(what), known only once deployed", at: link.position))
            return [unknown]
        case .value(let value):
            switch step {
            case .key(let key):
                guard let entry = value.mapValue?.entry(key) else {
                    return [Slot(resolved: .absent, position: slot.position, path: slot.path.appending(.key(key)))]
                }
                return [Slot(resolved: resolver.resolve(entry.value), position: entry.keyPosition, path: slot.path.appending(.key(key)))]
            case .index(let index):
                guard let items = value.listValue, index < items.count else {
                    return [Slot(resolved: .absent, position: slot.position, path: slot.path.appending(.index(index)))]
                }
                return [Slot(resolved: resolver.resolve(items[index]), position: items[index].position,
                             path: slot.path.appending(.index(index)))]
            case .every:
                return items(of: value, in: slot)
            case .filter(let keys, let expected):
                var kept: [Slot] = []
                for item in items(of: value, in: slot) {
                    guard case .value(let itemValue) = item.resolved else {
                        if item.resolved.isUnknown { kept.append(item) }
                        continue
                    }
                    let field = resolver.resolve(itemValue.mapValue?[keys[0]], at: Array(keys.dropFirst()))
                    if let why = field.unresolved {
                        kept.append(Slot(resolved: .unknown(why), position: item.position, path: item.path))
                    } else if field.string == expected {
                        kept.append(item)
                    }
                }
                return kept
            }
        }
    }

    /// The items of a list (a single value that is not a list counts as one item); items that resolve to
    /// nothing (`AWS::NoValue`) are left out.
    private func items(of value: Value, in slot: Slot) -> [Slot] {
        guard let items = value.listValue else { return [slot] }
        var result: [Slot] = []
        for (index, item) in items.enumerated() {
            let resolved = resolver.resolve(item)
            if resolved.isAbsent { continue }
            result.append(Slot(resolved: resolved, position: item.position, path: slot.path.appending(.index(index))))
        }
        return result
    }
}
