/// Renders a ``ResourceGraph`` for people and tools: JSON (nodes and edges with positions) or Graphviz dot.
package enum GraphRenderer {
    package enum Format: String, Sendable, CaseIterable { case json, dot }

    package static func render(_ graphs: [ResourceGraph], as format: Format) -> String {
        switch format {
        case .json:
            return JSONNode.object([
                ("version", 1),
                ("templates", .array(graphs.map(json))),
            ]).rendered() + "\n"
        case .dot:
            return graphs.map(dot).joined(separator: "\n")
        }
    }

    static func json(_ graph: ResourceGraph) -> JSONNode {
        let template = graph.template
        func node(_ kind: GraphNode.Kind, _ name: String, _ position: Position, _ extra: [(String, JSONNode)] = []) -> JSONNode {
            .object([("kind", .string(kind.rawValue)), ("name", .string(name)),
                     ("line", .int(position.line)), ("column", .int(position.column))] + extra)
        }
        var nodes: [JSONNode] = []
        nodes += template.resources.map { node(.resource, $0.logicalId, $0.position, [("type", .string($0.type))]) }
        nodes += template.parameters.map { node(.parameter, $0.name, $0.position, [("type", .optional($0.type))]) }
        nodes += template.conditions.map { node(.condition, $0.name, $0.position) }
        nodes += template.outputs.map { node(.output, $0.name, $0.position) }
        let edges: [JSONNode] = graph.references.map { reference in
            var members: [(String, JSONNode)] = [
                ("from", .string(reference.source.name)), ("fromKind", .string(reference.source.kind.rawValue)),
                ("to", .string(reference.target.name)), ("toKind", .string(reference.target.kind.rawValue)),
                ("via", .string(reference.kind.label.split(separator: " ").first.map(String.init) ?? "")),
            ]
            if let attribute = reference.kind.attribute { members.append(("attribute", .string(attribute))) }
            members += [("path", .string(reference.path.description)),
                        ("line", .int(reference.position.line)), ("column", .int(reference.position.column))]
            return .object(members)
        }
        return .object([
            ("file", .string(template.file)),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
            ("diagnostics", .array(template.diagnostics.map { .string($0.description) })),
        ])
    }

    static func dot(_ graph: ResourceGraph) -> String {
        func id(_ node: GraphNode) -> String { quoted("\(node.kind.rawValue):\(node.name)") }
        var lines = ["digraph \(quoted(graph.template.file)) {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
        for resource in graph.template.resources {
            lines.append("  \(id(.resource(resource.logicalId))) [shape=box, label=\(quoted("\(resource.logicalId)\n\(resource.type)"))];")
        }
        for parameter in graph.template.parameters {
            lines.append("  \(id(.parameter(parameter.name))) [shape=ellipse, label=\(quoted(parameter.name))];")
        }
        for condition in graph.template.conditions {
            lines.append("  \(id(.condition(condition.name))) [shape=diamond, label=\(quoted(condition.name))];")
        }
        for output in graph.template.outputs {
            lines.append("  \(id(.output(output.name))) [shape=note, label=\(quoted(output.name))];")
        }
        for target in Set(graph.references.map(\.target)) where target.kind == .pseudoParameter || target.kind == .missing {
            let style = target.kind == .missing ? "dashed" : "dotted"
            lines.append("  \(id(target)) [shape=plaintext, style=\(style), label=\(quoted(target.name))];")
        }
        for reference in graph.references {
            lines.append("  \(id(reference.source)) -> \(id(reference.target)) [label=\(quoted("\(reference.kind.label) @ \(reference.path)"))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        var out = ""
        JSONNode.writeString(text, into: &out)
        return out
    }
}
