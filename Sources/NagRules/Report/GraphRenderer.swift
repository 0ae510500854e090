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
            return dot(graphs)
        }
    }

    static func json(_ graph: ResourceGraph) -> JSONNode {
        let template = graph.template
        func node(_ kind: GraphNode.Kind, _ name: String, _ position: Position, _ extra: [(String, JSONNode)] = []) -> JSONNode {
            .object([("kind", .string(kind.rawValue)), ("name", .string(name)),
                     ("line", .int(position.line)), ("column", .int(position.column))] + extra)
        }
        var nodes: [JSONNode] = []
        nodes += template.resources.map { resource in
            node(.resource, resource.logicalId, resource.position, [("type", .string(resource.type))]
                 + (resource.generatedFrom.map { [("generatedFrom", JSONNode.string($0))] } ?? []))
        }
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

    /// One digraph: a template's graph on its own, or, for several templates, one cluster per template (so
    /// `nag graph --format dot a.yaml b.yaml | dot -Tsvg` draws one valid picture).
    static func dot(_ graphs: [ResourceGraph]) -> String {
        let header = ["  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
        var lines: [String]
        if graphs.count == 1, let graph = graphs.first {
            lines = ["digraph \(quoted(graph.template.file)) {"] + header + body(graph, prefix: "", indent: "  ")
        } else {
            lines = ["digraph \"nag\" {"] + header
            for (index, graph) in graphs.enumerated() {
                lines.append("  subgraph \(quoted("cluster_\(index + 1)")) {")
                lines.append("    label=\(quoted(graph.template.file));")
                lines += body(graph, prefix: "\(index + 1)/", indent: "    ")
                lines.append("  }")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The node and edge lines of one template; `prefix` keeps node ids of several templates apart.
    private static func body(_ graph: ResourceGraph, prefix: String, indent: String) -> [String] {
        func id(_ node: GraphNode) -> String { quoted("\(prefix)\(node.kind.rawValue):\(node.name)") }
        var lines: [String] = []
        for resource in graph.template.resources {
            lines.append("\(indent)\(id(.resource(resource.logicalId))) [shape=box, label=\(quoted("\(resource.logicalId)\n\(resource.type)" + (resource.generatedFrom.map { "\nfrom \($0)" } ?? "")))];")
        }
        for parameter in graph.template.parameters {
            lines.append("\(indent)\(id(.parameter(parameter.name))) [shape=ellipse, label=\(quoted(parameter.name))];")
        }
        for condition in graph.template.conditions {
            lines.append("\(indent)\(id(.condition(condition.name))) [shape=diamond, label=\(quoted(condition.name))];")
        }
        for output in graph.template.outputs {
            lines.append("\(indent)\(id(.output(output.name))) [shape=note, label=\(quoted(output.name))];")
        }
        // In the order first referenced (a Set's order changes from run to run).
        var listed = Set<GraphNode>()
        for reference in graph.references where reference.target.kind == .pseudoParameter || reference.target.kind == .missing {
            let target = reference.target
            guard listed.insert(target).inserted else { continue }
            let style = target.kind == .missing ? "dashed" : "dotted"
            lines.append("\(indent)\(id(target)) [shape=plaintext, style=\(style), label=\(quoted(target.name))];")
        }
        for reference in graph.references {
            lines.append("\(indent)\(id(reference.source)) -> \(id(reference.target)) [label=\(quoted("\(reference.kind.label) @ \(reference.path)"))];")
        }
        return lines
    }

    private static func quoted(_ text: String) -> String {
        var out = ""
        JSONNode.writeString(text, into: &out)
        return out
    }
}
