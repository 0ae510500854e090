/// Suppressions CDK copied across a construct subtree, judged as one.
///
/// cdk-nag 2's `addResourceSuppressions(construct, …, applyToChildren: true)` writes the same entry on every
/// resource under the construct, and cdk-nag 3 writes an acknowledgement made on a construct on every resource
/// below it. The copy on the role's policy may suppress a finding while the copy on the role has nothing to
/// suppress: that is one suppression doing its job, not a stale one.
///
/// Copies are entries with the same rule, namespace, reason and `applies_to` on two or more resources, when every
/// resource under the construct path the owners share carries one: what copying across that subtree produces.
/// Two resources that merely carry the same words somewhere in a stack are judged one by one.
struct SuppressionCopies: Sendable {
    /// For each suppression (by index), the first suppression of its group: itself when it is not a copy.
    let leader: [Int]
    /// The members of each group of copies, by leader, in document order.
    let members: [Int: [Int]]
    /// The construct path each group was copied across, by leader.
    let subtree: [Int: String]

    init(_ suppressions: [Suppression], in template: Template) {
        var leader = Array(suppressions.indices)
        var members: [Int: [Int]] = [:]
        var subtree: [Int: String] = [:]
        struct Key: Hashable { var ruleId: String; var namespace: String?; var reason: String?; var appliesTo: [String] }
        var buckets: [Key: [Int]] = [:]
        var order: [Key] = []
        for (index, suppression) in suppressions.enumerated() where suppression.scope == .resource {
            guard let owner = suppression.owner, template.resource(named: owner)?.cdkPath != nil else { continue }
            let key = Key(ruleId: suppression.ruleId, namespace: suppression.namespace, reason: suppression.reason,
                          appliesTo: suppression.appliesTo?.map(\.text) ?? [])
            if buckets[key] == nil { order.append(key) }
            buckets[key, default: []].append(index)
        }
        for key in order {
            guard let indexes = buckets[key], indexes.count > 1 else { continue }
            let owners = Set(indexes.compactMap { suppressions[$0].owner })
            guard owners.count > 1, let shared = Self.sharedPath(of: owners, in: template),
                  Self.everyResource(under: shared, isIn: owners, of: template) else { continue }
            let first = indexes[0]
            for index in indexes { leader[index] = first }
            members[first] = indexes
            subtree[first] = shared
        }
        self.leader = leader
        self.members = members
        self.subtree = subtree
    }

    /// The longest construct path above every owner (never an owner's own path), nil when they share none.
    private static func sharedPath(of owners: Set<String>, in template: Template) -> String? {
        let paths = owners.compactMap { template.resource(named: $0)?.cdkPath?.split(separator: "/").map(String.init) }
        guard var common = paths.first else { return nil }
        for path in paths.dropFirst() {
            var length = 0
            while length < common.count, length < path.count, common[length] == path[length] { length += 1 }
            common = Array(common.prefix(length))
        }
        let cap = (paths.map(\.count).min() ?? 1) - 1
        common = Array(common.prefix(cap))
        return common.isEmpty ? nil : common.joined(separator: "/")
    }

    private static func everyResource(under path: String, isIn owners: Set<String>, of template: Template) -> Bool {
        let prefix = path + "/"
        return template.resources.allSatisfy { resource in
            guard let cdkPath = resource.cdkPath, cdkPath.hasPrefix(prefix) else { return true }
            return owners.contains(resource.logicalId)
        }
    }
}
