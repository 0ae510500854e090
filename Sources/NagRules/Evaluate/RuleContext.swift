/// What a rule can see while it evaluates a resource: the graph and the resolver.
public struct RuleContext: Sendable {
    public let graph: ResourceGraph
    public let resolver: Resolver

    public init(graph: ResourceGraph, resolver: Resolver) {
        self.graph = graph
        self.resolver = resolver
    }

    public init(template: Template, parameterValues: [String: String] = [:]) {
        self.init(graph: ResourceGraph(template: template),
                  resolver: Resolver(template: template, parameterValues: parameterValues))
    }

    public var template: Template { graph.template }

    /// Resolves a value.
    public func resolve(_ value: Value?) -> Resolved { resolver.resolve(value) }

    /// Resolves a property of `resource` by path: `resolve(bucket, "VersioningConfiguration", "Status")`.
    public func resolve(_ resource: Resource, _ path: String...) -> Resolved {
        guard let first = path.first else { return .absent }
        return resolver.resolve(resource.properties[first], at: Array(path.dropFirst()))
    }

    /// The resource a value links to (through Ref or GetAtt), if it resolves to one.
    public func linkedResource(_ value: Value?) -> Resource? {
        resolve(value).resourceLink.flatMap { graph.resource(named: $0.logicalId) }
    }
}
