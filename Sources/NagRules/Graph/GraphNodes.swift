/// The nodes of a graph, numbered: a template's resources by their place in ``Template/resources``, then every
/// other node (parameters, conditions, outputs, pseudo parameters, missing names) in the order first met.
///
/// Numbers fit in 32 bits: there are never more nodes than names written in the file, which is at most 1 GiB
/// (``LoadLimits/maxFileSizeCeiling``); nor more references than values.
struct GraphNodes: Sendable {
    let template: Template
    private var others: [GraphNode] = []
    private var otherNumbers: [GraphNode: Int32] = [:]

    init(template: Template) { self.template = template }

    var count: Int { template.resources.count + others.count }

    /// The number of `node`, or nil when no reference has touched it.
    func number(of node: GraphNode) -> Int32? {
        if node.kind == .resource, let index = template.resourceIndex(named: node.name) {
            return Int32(truncatingIfNeeded: index)
        }
        return otherNumbers[node]
    }

    /// The number of `node`, giving it the next one when it has none yet.
    mutating func add(_ node: GraphNode) -> Int32 {
        if let number = number(of: node) { return number }
        let number = Int32(truncatingIfNeeded: count)
        others.append(node)
        otherNumbers[node] = number
        return number
    }

    /// The node numbered `number`.
    func node(_ number: Int32) -> GraphNode {
        let index = Int(number)
        let resources = template.resources
        if index < resources.count { return .resource(resources[index].logicalId) }
        return others[index - resources.count]
    }
}

/// Which references touch each node, for all nodes in two flat arrays: the indexes of the references, grouped by
/// node and in document order within a group, and where each node's group starts. Two arrays instead of one per node: a graph
/// of thousands of resources would otherwise hold thousands of small arrays.
struct Adjacency: Sendable {
    /// `starts[n] ..< starts[n + 1]` are node `n`'s entries in `indexes`.
    private let starts: [Int32]
    private let indexes: [Int32]

    /// `nodes[i]` is the number of the node reference `i` belongs to, below `nodeCount`.
    init(nodes: [Int32], nodeCount: Int) {
        var starts = [Int32](repeating: 0, count: nodeCount + 1)
        for node in nodes { starts[Int(node) + 1] += 1 }
        for node in 0..<nodeCount { starts[node + 1] += starts[node] }
        var next = starts
        var indexes = [Int32](repeating: 0, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            indexes[Int(next[Int(node)])] = Int32(truncatingIfNeeded: index)
            next[Int(node)] += 1
        }
        self.starts = starts
        self.indexes = indexes
    }

    /// The indexes of node `number`'s references, in document order.
    func references(of number: Int32) -> ArraySlice<Int32> {
        let node = Int(number)
        return indexes[Int(starts[node]) ..< Int(starts[node + 1])]
    }
}
