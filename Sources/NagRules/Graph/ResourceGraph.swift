/// The template as a graph: resources, parameters, conditions and outputs, joined by the references
/// (Ref, Fn::GetAtt, Fn::Sub, DependsOn, Condition) written between them.
///
/// Rules ask it for related resources instead of scanning the template:
/// ```swift
/// let policies = graph.resources(referencing: bucket, ofType: "AWS::S3::BucketPolicy")
/// ```
public struct ResourceGraph: Sendable {
    public let template: Template
    /// Every edge, in document order.
    public let references: [Reference]
    private let numbering: GraphNodes
    /// The references out of and into each node, by number.
    private let outgoing: Adjacency
    private let incoming: Adjacency
    private let resourcesByType: [String: [Int]]

    public init(template: Template) {
        self.template = template
        var builder = GraphBuilder(template: template)
        builder.build()
        references = builder.references
        var numbering = GraphNodes(template: template)
        var sources: [Int32] = []
        var targets: [Int32] = []
        sources.reserveCapacity(references.count)
        targets.reserveCapacity(references.count)
        for reference in references {
            sources.append(numbering.add(reference.source))
            targets.append(numbering.add(reference.target))
        }
        self.numbering = numbering
        outgoing = Adjacency(nodes: sources, nodeCount: numbering.count)
        incoming = Adjacency(nodes: targets, nodeCount: numbering.count)
        var byType: [String: [Int]] = [:]
        for (index, resource) in template.resources.enumerated() {
            byType[resource.type, default: []].append(index)
        }
        self.resourcesByType = byType
    }

    /// Every node: resources, parameters, conditions and outputs, in that order.
    public var nodes: [GraphNode] {
        template.resources.map { .resource($0.logicalId) }
            + template.parameters.map { .parameter($0.name) }
            + template.conditions.map { .condition($0.name) }
            + template.outputs.map { .output($0.name) }
    }

    /// The references written in `node`.
    public func references(from node: GraphNode) -> [Reference] {
        guard let number = numbering.number(of: node) else { return [] }
        return outgoing.references(of: number).map { references[Int($0)] }
    }

    /// The references that point at `node`.
    public func references(to node: GraphNode) -> [Reference] {
        guard let number = numbering.number(of: node) else { return [] }
        return incoming.references(of: number).map { references[Int($0)] }
    }

    /// The resources of one type, in document order.
    public func resources(ofType type: String) -> [Resource] {
        resourcesByType[type, default: []].map { template.resources[$0] }
    }

    /// The resources of any of the given types, in document order.
    public func resources(ofTypes types: Set<String>) -> [Resource] {
        types.flatMap { resourcesByType[$0, default: []] }.sorted().map { template.resources[$0] }
    }

    public func resource(named logicalId: String) -> Resource? {
        template.resource(named: logicalId)
    }

    /// Resources of `type` that reference `resource`, optionally only from properties under `path`
    /// (e.g. `["Properties", "Bucket"]`), each with the reference that links them.
    public func resources(referencing resource: Resource, ofType type: String? = nil,
                          at path: [String]? = nil) -> [(resource: Resource, reference: Reference)] {
        var seen = Set<String>()
        var result: [(resource: Resource, reference: Reference)] = []
        for reference in references(to: .resource(resource.logicalId)) {
            guard reference.source.kind == .resource,
                  let source = template.resource(named: reference.source.name),
                  type == nil || source.type == type,
                  path.map(reference.path.hasPrefix) ?? true,
                  seen.insert(source.logicalId).inserted else { continue }
            result.append((source, reference))
        }
        return result
    }

    /// The resources that `resource` references, optionally only from properties under `path`.
    public func resources(referencedBy resource: Resource, ofType type: String? = nil,
                          at path: [String]? = nil) -> [(resource: Resource, reference: Reference)] {
        var seen = Set<String>()
        var result: [(resource: Resource, reference: Reference)] = []
        for reference in references(from: .resource(resource.logicalId)) {
            guard reference.target.kind == .resource,
                  let target = template.resource(named: reference.target.name),
                  type == nil || target.type == type,
                  path.map(reference.path.hasPrefix) ?? true,
                  seen.insert(target.logicalId).inserted else { continue }
            result.append((target, reference))
        }
        return result
    }
}

