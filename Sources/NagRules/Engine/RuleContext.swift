import Synchronization

/// What a rule can see while it evaluates a resource: the graph and the resolver.
public struct RuleContext: Sendable {
    public let graph: ResourceGraph
    public let resolver: Resolver
    private let memo = MemoStore()

    public init(graph: ResourceGraph, resolver: Resolver) {
        self.graph = graph
        self.resolver = resolver
    }

    /// A value computed once per template and shared by every rule and resource (an index of the
    /// template's log destinations, say), so a rule never rescans the template for each resource.
    public func memoized<T: Sendable>(_ key: String, _ compute: () -> T) -> T {
        // Look the entry up before casting: `nil as? T` succeeds when T is itself an Optional.
        if let entry = memo.storage.withLock({ $0[key] }), let cached = entry as? T { return cached }
        let value = compute()
        memo.storage.withLock { $0[key] = value }
        return value
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

/// Per-template memo storage behind ``RuleContext/memoized(_:_:)``.
private final class MemoStore: Sendable {
    let storage = Mutex<[String: any Sendable]>([:])
}
