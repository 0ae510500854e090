/// Walks every value of a template once and records the references it finds.
struct GraphBuilder {
    let template: Template
    /// The references found, in document order.
    private(set) var references: [Reference] = []
    /// Where the walk is inside the current resource, condition or output: pushed and popped as it descends,
    /// and copied into a ``PropertyPath`` only for a reference found.
    private var path: [PropertyPath.Component] = [] {
        didSet { recordedPath = nil }
    }
    /// The path the last reference recorded, while the walk is still there: references written at the same
    /// place (the names of one `Fn::Sub`) share it.
    private var recordedPath: PropertyPath?
    /// Every path recorded so far: references at the same place in different resources (`Properties.Role` in
    /// thousands of functions) share one copy.
    private var recordedPaths: [RecordedPath: PropertyPath] = [:]

    init(template: Template) { self.template = template }

    static let pseudoParameters: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]

    /// Records every reference. The array of references is allocated once, at the loader's estimate of their
    /// number plus the resources' `DependsOn` and `Condition` entries: grown by doubling instead, its old and new
    /// storage were both held at the moment it grew, the largest moment of a large template's loading and
    /// graphing (0.4x a 5 MB template's size in memory, which the allocator keeps for reuse). For a template loaded as
    /// written the estimate is never short; one built in code or rewritten by the SAM expansion has none, and the
    /// array grows as it needs.
    mutating func build() {
        if let capacity = Self.capacity(for: template) {
            references.reserveCapacity(min(capacity, Self.reservationLimit))
        }
        for resource in template.resources {
            let node = GraphNode.resource(resource.logicalId)
            for entry in resource.definition.entries {
                path = [.key(entry.key)]
                switch entry.key {
                case "DependsOn":
                    let names = entry.value.listValue ?? [entry.value]
                    for name in names {
                        guard let target = name.stringValue else { continue }
                        add(from: node, to: target, kind: .dependsOn, at: name.position)
                    }
                case "Condition":
                    if let name = entry.value.stringValue {
                        addCondition(from: node, name: name, at: entry.value.position)
                    }
                default:
                    walk(entry.value, from: node, variables: [])
                }
            }
        }
        for condition in template.conditions {
            path = []
            walk(condition.expression, from: .condition(condition.name), variables: [])
        }
        for output in template.outputs {
            let node = GraphNode.output(output.name)
            for entry in output.definition.entries {
                path = [.key(entry.key)]
                if entry.key == "Condition", let name = entry.value.stringValue {
                    addCondition(from: node, name: name, at: entry.value.position)
                } else {
                    walk(entry.value, from: node, variables: [])
                }
            }
        }
    }

    /// The most references room is made for before the walk (72 MB of them): far more than any template writes,
    /// and a bound for a crafted one whose estimate runs away (an `Fn::Sub` of thousands of `${!Literal}`, which
    /// reference nothing, repeated by YAML aliases a million times). Past it the array grows as it needs.
    static let reservationLimit = 1 << 20

    /// The references to make room for: the loader's estimate for the intrinsic functions, plus one per `DependsOn`
    /// name and `Condition` entry of a resource or output; nil when the template has no estimate.
    static func capacity(for template: Template) -> Int? {
        guard let estimate = template.referenceEstimate else { return nil }
        var count = estimate
        for resource in template.resources {
            for entry in resource.definition.entries {
                if entry.key == "DependsOn" { count += entry.value.listValue?.count ?? 1 }
                if entry.key == "Condition" { count += 1 }
            }
        }
        for output in template.outputs where output.definition.entries.contains(where: { $0.key == "Condition" }) {
            count += 1
        }
        return count
    }

    private func node(named name: String) -> GraphNode {
        if template.hasResource(named: name) { return .resource(name) }
        if template.hasParameter(named: name) { return .parameter(name) }
        if Self.pseudoParameters.contains(name) { return GraphNode(.pseudoParameter, name) }
        return GraphNode(.missing, name)
    }

    private mutating func add(from source: GraphNode, to name: String, kind: Reference.Kind, at position: Position) {
        references.append(Reference(source: source, target: node(named: name), kind: kind, path: currentPath(), position: position))
    }

    private mutating func addCondition(from source: GraphNode, name: String, at position: Position) {
        let target = template.condition(named: name) != nil ? GraphNode.condition(name) : GraphNode(.missing, name)
        references.append(Reference(source: source, target: target, kind: .condition, path: currentPath(), position: position))
    }

    /// The walk's path as a ``PropertyPath`` of its own, exactly as large as it needs to be, shared by every
    /// reference at an equal path.
    ///
    /// Handing out `path` itself would share its buffer: the walk's next step would then copy it (the reference
    /// keeping the old buffer, spare capacity and all), once per reference.
    private mutating func currentPath() -> PropertyPath {
        if let recordedPath { return recordedPath }
        if let shared = recordedPaths[RecordedPath(components: path)] {
            recordedPath = shared
            return shared
        }
        var components: [PropertyPath.Component] = []
        components.reserveCapacity(path.count)
        components.append(contentsOf: path)
        let recorded = PropertyPath(components)
        recordedPaths[RecordedPath(components: components)] = recorded
        recordedPath = recorded
        return recorded
    }

    /// Walks `value` one step further down the current path.
    private mutating func walk(_ value: Value, under component: PropertyPath.Component, from source: GraphNode,
                               variables: Set<String>) {
        path.append(component)
        walk(value, from: source, variables: variables)
        path.removeLast()
    }

    /// `variables` are the names an enclosing `Fn::Sub` variable map defines; they are not references.
    private mutating func walk(_ value: Value, from source: GraphNode, variables: Set<String>) {
        switch value.kind {
        case .list(let items):
            for (index, item) in items.enumerated() {
                walk(item, under: .index(index), from: source, variables: variables)
            }
        case .map(let map):
            for entry in map.entries {
                walk(entry.value, under: .key(entry.key), from: source, variables: variables)
            }
        case .intrinsic(let function):
            walkIntrinsic(function, at: value.position, from: source, variables: variables)
        case .null, .bool, .number, .string:
            break
        }
    }

    private mutating func walkIntrinsic(_ function: Intrinsic, at position: Position, from source: GraphNode,
                                        variables: Set<String>) {
        switch function.name {
        case .ref:
            if let name = function.argument.stringValue {
                add(from: source, to: name, kind: .ref, at: position)
            } else {
                walk(function.argument, from: source, variables: variables)
            }
        case .getAtt:
            if let (name, attribute) = function.getAttTarget {
                add(from: source, to: name, kind: .getAtt(attribute: attribute.stringValue ?? "*"), at: position)
                walk(attribute, from: source, variables: variables)
            } else {
                walk(function.argument, from: source, variables: variables)
            }
        case .sub:
            walkSub(function.argument, at: position, from: source, variables: variables)
        case .condition:
            if let name = function.argument.stringValue {
                addCondition(from: source, name: name, at: position)
            }
        case .if:
            let arguments = function.arguments
            if let name = arguments.first?.stringValue {
                addCondition(from: source, name: name, at: arguments[0].position)
            }
            for (index, branch) in arguments.enumerated().dropFirst() {
                walk(branch, under: .index(index), from: source, variables: variables)
            }
        default:
            walk(function.argument, from: source, variables: variables)
        }
    }

    private mutating func walkSub(_ argument: Value, at position: Position, from source: GraphNode,
                                  variables: Set<String>) {
        var text: Value?
        var names = variables
        switch argument.kind {
        case .string:
            text = argument
        case .list(let items):
            text = items.first
            if items.count > 1 {
                if let map = items[1].mapValue {
                    names.formUnion(map.keys)
                    for entry in map.entries {
                        walk(entry.value, under: .key(entry.key), from: source, variables: variables)
                    }
                } else {
                    walk(items[1], from: source, variables: variables)
                }
            }
        default:
            walk(argument, from: source, variables: variables)
        }
        guard let text, let string = text.stringValue else {
            if let text { walk(text, from: source, variables: variables) }
            return
        }
        for part in SubTemplate(parsing: string).parts {
            guard case .reference(let name, let attribute) = part, !names.contains(name) else { continue }
            let kind: Reference.Kind = attribute.map { .subGetAtt(attribute: $0) } ?? .subRef
            add(from: source, to: name, kind: kind, at: text.position)
        }
    }
}

/// A path as a key of ``GraphBuilder``'s recorded paths, hashed by its shape (the number of components, each key's
/// length, each index) rather than by its text: cheap to hash, and equal shapes are told apart by comparing.
private struct RecordedPath: Hashable {
    let components: [PropertyPath.Component]

    func hash(into hasher: inout Hasher) {
        hasher.combine(components.count)
        for component in components {
            switch component {
            case .key(let key): hasher.combine(key.utf8.count)
            case .index(let index): hasher.combine(~index)
            }
        }
    }

    static func == (lhs: RecordedPath, rhs: RecordedPath) -> Bool { lhs.components == rhs.components }
}
