/// A resource type and the property by which other resources find its resources: a flow log by the
/// `ResourceId` it watches, a launch template by its `LaunchTemplateName`.
protocol IndexedProperty {
    /// The resource type indexed.
    static var type: String { get }
    /// The property each resource is indexed by.
    static var property: String { get }
}

/// The template's resources of one type, indexed once by what one of their properties resolves to (the
/// logical id it links to through Ref / GetAtt, or its text), so that a check finds the resources naming
/// the one it evaluates with a lookup instead of resolving every resource of the type again for it.
struct ResourcesByProperty<Key: IndexedProperty>: TemplateIndex {
    private let resources: [Resource]
    /// Offsets of the resources by logical id.
    private let byLogicalId: [String: Int]
    /// Offsets of the resources whose property links to a logical id, by that id.
    private let byLink: [String: [Int]]
    /// Offsets of the resources whose property resolves to text, by the text.
    private let byText: [String: [Int]]
    /// The reasons the property of resources cannot be resolved, in document order.
    private let unresolved: [Unresolved]

    init(context: RuleContext) {
        resources = context.graph.resources(ofType: Key.type)
        byLogicalId = Dictionary(resources.enumerated().map { ($1.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        var byLink: [String: [Int]] = [:]
        var byText: [String: [Int]] = [:]
        var unresolved: [Unresolved] = []
        for (offset, resource) in resources.enumerated() {
            let resolved = context.resolve(resource, Key.property)
            if let link = resolved.resourceLink { byLink[link.logicalId, default: []].append(offset) }
            if let text = resolved.string { byText[text, default: []].append(offset) }
            if let why = resolved.unresolved { unresolved.append(why) }
        }
        self.byLink = byLink
        self.byText = byText
        self.unresolved = unresolved
    }

    /// The resources whose property names `name`: links to it, or is its text; in document order.
    func resources(naming name: String) -> [Resource] {
        let offsets = (byLink[name] ?? []) + (byText[name] ?? [])
        return Set(offsets).sorted().map { resources[$0] }
    }

    /// The resources whose logical id is `key` or whose property's text is `key`, in document order.
    func resources(identifiedBy key: String) -> [Resource] {
        let offsets = (byText[key] ?? []) + (byLogicalId[key].map { [$0] } ?? [])
        return Set(offsets).sorted().map { resources[$0] }
    }

    /// The first resource whose property's text is `name`, if any.
    func first(withText name: String) -> Resource? {
        byText[name]?.first.map { resources[$0] }
    }

    /// The first resource whose property's text is `name`; when none matches, undecided if the property of
    /// any resource cannot be resolved (it might be `name`).
    func firstDecided(withText name: String) -> Result<Resource?, Unresolved> {
        if let match = first(withText: name) { return .success(match) }
        return unresolved.first.map { .failure($0) } ?? .success(nil)
    }
}
