import Synchronization

/// What a rule can see while it evaluates a resource: the graph and the resolver.
///
/// A class: every check of every resource receives it, and it is shared, never changed.
public final class RuleContext: Sendable {
    public let graph: ResourceGraph
    public let resolver: Resolver
    private let memo = MemoStore()

    public init(graph: ResourceGraph, resolver: Resolver) {
        self.graph = graph
        self.resolver = resolver
    }

    /// The template's `Index`, built on first use and then shared by every check and resource of the
    /// template (who sends logs to which bucket, which policies name which bucket), so a check never
    /// rescans the template for each resource.
    ///
    /// ```swift
    /// let policies = context.index(BucketPolicyIndex.self).policies(naming: bucket)
    /// ```
    ///
    /// The parameters read while building the index count as read by every check that uses it.
    public func index<Index: TemplateIndex>(_ type: Index.Type = Index.self) -> Index {
        let key = ObjectIdentifier(type)
        if let (cached, read) = memo.storage.withLock({ $0[key] }), let index = cached as? Index {
            resolver.reads.note(read)
            return index
        }
        let (built, read) = resolver.reads.reading { Index(context: self) }
        memo.storage.withLock { $0[key] = (built, read) }
        return built
    }

    public convenience init(template: Template, parameterValues: [String: String] = [:], undecidedParameters: [String: String] = [:],
                space: ParameterSpace = .none) {
        self.init(graph: ResourceGraph(template: template),
                  resolver: Resolver(template: template, parameterValues: parameterValues, undecidedParameters: undecidedParameters,
                                     space: space))
    }

    /// The same template deciding its variable parameters with `scenario`: its own resolver and indexes,
    /// the same graph.
    public func with(scenario: [String: String]) -> RuleContext {
        RuleContext(graph: graph, resolver: resolver.with(scenario: scenario))
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

/// A per-template index of related resources, built once per template by ``RuleContext/index(_:)``.
public protocol TemplateIndex: Sendable {
    init(context: RuleContext)
}

/// Per-template storage behind ``RuleContext/index(_:)``, one entry per index type.
private final class MemoStore: Sendable {
    let storage = Mutex<[ObjectIdentifier: (any TemplateIndex, ParameterReadSet)]>([:])
}
