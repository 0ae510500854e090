/// Evaluates `referenced` / `referencedBy` conditions through the resource graph.
///
/// Only references written in `Properties` by `Ref`, `Fn::GetAtt` or `Fn::Sub` count (not `DependsOn` or
/// conditions). A finding about a related resource points, in this resource, at the reference for
/// `referenced` and at the logical id for `referencedBy`, so a suppression on this resource covers it.
struct RelationEvaluator {
    let evaluator: ConditionEvaluator

    struct Related {
        var resource: Resource
        /// Where the finding points, in the resource under evaluation.
        var position: Position
    }

    func evaluate(_ relation: RelationCondition, at scope: Slot) -> Verdict {
        let related = self.related(relation, at: scope)
        let context = evaluator.context
        let verdicts = related.map { other -> Verdict in
            guard let condition = relation.condition else {
                return .holds([Witness(position: other.position, detail: "\(other.resource.logicalId) is related")])
            }
            let inner = ConditionEvaluator(context: context, resource: other.resource)
            let verdict = inner.evaluate(condition, at: ConditionEvaluator.root(of: other.resource, in: context))
            return relocate(verdict, to: other)
        }
        let types = relation.types.isEmpty ? "resource" : relation.types.sorted().joined(separator: " or ")
        let detail: String
        switch (relation.direction, related.isEmpty) {
        case (.referenced, true): detail = "references no \(types)"
        case (.referencedBy, true): detail = "no \(types) references \(evaluator.resource.logicalId)"
        case (.referenced, false), (.referencedBy, false):
            detail = verdicts.first { $0.truth == .fails }?.witnesses.first?.detail ?? "no related \(types) qualifies"
        }
        let anchorPosition = relation.direction == .referenced && !scope.path.components.isEmpty ? scope.position : evaluator.resource.position
        return .quantified(relation.quantifier, verdicts, anchor: Witness(position: anchorPosition, detail: detail))
    }

    /// Moves a verdict about another resource onto this one, naming the other resource in its details.
    private func relocate(_ verdict: Verdict, to other: Related) -> Verdict {
        let name = other.resource.logicalId
        var moved = verdict
        moved.witnesses = verdict.witnesses.prefix(1).map { Witness(position: other.position, detail: "\(name): \($0.detail)") }
        if let why = verdict.unresolved {
            moved.unresolved = Unresolved("\(name): \(why.reason)", at: other.position)
        }
        return moved
    }

    func related(_ relation: RelationCondition, at scope: Slot) -> [Related] {
        let graph = evaluator.context.graph
        let resource = evaluator.resource
        var seen = Set<String>()
        var result: [Related] = []
        switch relation.direction {
        case .referenced:
            let base = [PropertyPath.Component.key("Properties")] + scope.path.components
            for reference in graph.references(from: .resource(resource.logicalId)) where Self.isValueReference(reference) {
                guard reference.target.kind == .resource,
                      let target = graph.resource(named: reference.target.name),
                      relation.types.isEmpty || relation.types.contains(target.type),
                      Self.matches(reference.path, base: base, via: relation.via),
                      seen.insert(target.logicalId).inserted else { continue }
                result.append(Related(resource: target, position: reference.position))
            }
        case .referencedBy:
            for reference in graph.references(to: .resource(resource.logicalId)) where Self.isValueReference(reference) {
                guard reference.source.kind == .resource,
                      let source = graph.resource(named: reference.source.name),
                      relation.types.isEmpty || relation.types.contains(source.type),
                      Self.matches(reference.path, base: [.key("Properties")], via: relation.via),
                      seen.insert(source.logicalId).inserted else { continue }
                result.append(Related(resource: source, position: resource.position))
            }
        }
        return result
    }

    static func isValueReference(_ reference: Reference) -> Bool {
        switch reference.kind {
        case .ref, .getAtt, .subRef, .subGetAtt: true
        case .dependsOn, .condition: false
        }
    }

    /// Whether a reference written at `path` lies under `base` followed by `via` (`[*]` and filters match
    /// any index).
    static func matches(_ path: PropertyPath, base: [PropertyPath.Component], via: CustomPath?) -> Bool {
        let components = path.components
        guard components.count >= base.count, Array(components.prefix(base.count)) == base else { return false }
        guard let via else { return true }
        var rest = components.dropFirst(base.count)
        for step in via.steps {
            guard let component = rest.first else { return false }
            rest = rest.dropFirst()
            switch (step, component) {
            case (.key(let key), .key(let actual)) where key == actual: continue
            case (.index(let index), .index(let actual)) where index == actual: continue
            case (.every, .index), (.filter, .index): continue
            default: return false
            }
        }
        return true
    }
}
