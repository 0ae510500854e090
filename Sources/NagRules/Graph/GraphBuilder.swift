/// Walks every value of a template once and records the references it finds.
struct GraphBuilder {
    let template: Template
    private(set) var references: [Reference] = []

    init(template: Template) { self.template = template }

    static let pseudoParameters: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]

    mutating func build() {
        for resource in template.resources {
            let node = GraphNode.resource(resource.logicalId)
            for entry in resource.definition.entries {
                let path = PropertyPath([.key(entry.key)])
                switch entry.key {
                case "DependsOn":
                    let names = entry.value.listValue ?? [entry.value]
                    for name in names {
                        guard let target = name.stringValue else { continue }
                        add(from: node, to: target, kind: .dependsOn, path: path, at: name.position)
                    }
                case "Condition":
                    if let name = entry.value.stringValue {
                        addCondition(from: node, name: name, path: path, at: entry.value.position)
                    }
                default:
                    walk(entry.value, from: node, path: path, variables: [])
                }
            }
        }
        for condition in template.conditions {
            walk(condition.expression, from: .condition(condition.name), path: [], variables: [])
        }
        for output in template.outputs {
            let node = GraphNode.output(output.name)
            for entry in output.definition.entries {
                if entry.key == "Condition", let name = entry.value.stringValue {
                    addCondition(from: node, name: name, path: [.key(entry.key)], at: entry.value.position)
                } else {
                    walk(entry.value, from: node, path: [.key(entry.key)], variables: [])
                }
            }
        }
    }

    private func node(named name: String) -> GraphNode {
        if template.resource(named: name) != nil { return .resource(name) }
        if template.parameter(named: name) != nil { return .parameter(name) }
        if Self.pseudoParameters.contains(name) { return GraphNode(.pseudoParameter, name) }
        return GraphNode(.missing, name)
    }

    private mutating func add(from source: GraphNode, to name: String, kind: Reference.Kind,
                              path: PropertyPath, at position: Position) {
        references.append(Reference(source: source, target: node(named: name), kind: kind, path: path, position: position))
    }

    private mutating func addCondition(from source: GraphNode, name: String, path: PropertyPath, at position: Position) {
        let target = template.condition(named: name) != nil ? GraphNode.condition(name) : GraphNode(.missing, name)
        references.append(Reference(source: source, target: target, kind: .condition, path: path, position: position))
    }

    /// `variables` are the names an enclosing `Fn::Sub` variable map defines; they are not references.
    private mutating func walk(_ value: Value, from source: GraphNode, path: PropertyPath, variables: Set<String>) {
        switch value.kind {
        case .list(let items):
            for (index, item) in items.enumerated() {
                walk(item, from: source, path: path.appending(.index(index)), variables: variables)
            }
        case .map(let map):
            for entry in map.entries {
                walk(entry.value, from: source, path: path.appending(.key(entry.key)), variables: variables)
            }
        case .intrinsic(let function):
            walkIntrinsic(function, at: value.position, from: source, path: path, variables: variables)
        case .null, .bool, .number, .string:
            break
        }
    }

    private mutating func walkIntrinsic(_ function: Intrinsic, at position: Position, from source: GraphNode,
                                        path: PropertyPath, variables: Set<String>) {
        switch function.name {
        case .ref:
            if let name = function.argument.stringValue {
                add(from: source, to: name, kind: .ref, path: path, at: position)
            } else {
                walk(function.argument, from: source, path: path, variables: variables)
            }
        case .getAtt:
            if let (name, attribute) = function.getAttTarget {
                add(from: source, to: name, kind: .getAtt(attribute: attribute.stringValue ?? "*"), path: path, at: position)
                walk(attribute, from: source, path: path, variables: variables)
            } else {
                walk(function.argument, from: source, path: path, variables: variables)
            }
        case .sub:
            walkSub(function.argument, at: position, from: source, path: path, variables: variables)
        case .condition:
            if let name = function.argument.stringValue {
                addCondition(from: source, name: name, path: path, at: position)
            }
        case .if:
            let arguments = function.arguments
            if let name = arguments.first?.stringValue {
                addCondition(from: source, name: name, path: path, at: arguments[0].position)
            }
            for (index, branch) in arguments.enumerated().dropFirst() {
                walk(branch, from: source, path: path.appending(.index(index)), variables: variables)
            }
        default:
            walk(function.argument, from: source, path: path, variables: variables)
        }
    }

    private mutating func walkSub(_ argument: Value, at position: Position, from source: GraphNode,
                                  path: PropertyPath, variables: Set<String>) {
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
                        walk(entry.value, from: source, path: path.appending(.key(entry.key)), variables: variables)
                    }
                } else {
                    walk(items[1], from: source, path: path, variables: variables)
                }
            }
        default:
            walk(argument, from: source, path: path, variables: variables)
        }
        guard let text, let string = text.stringValue else {
            if let text { walk(text, from: source, path: path, variables: variables) }
            return
        }
        for part in SubTemplate(parsing: string).parts {
            guard case .reference(let name, let attribute) = part, !names.contains(name) else { continue }
            let kind: Reference.Kind = attribute.map { .subGetAtt(attribute: $0) } ?? .subRef
            add(from: source, to: name, kind: kind, path: path, at: text.position)
        }
    }
}
