import Synchronization

/// Decides a check for every parameter choice a deployer may make that the check's outcome depends on.
///
/// The check runs once as today, with every variable parameter at its provisional value (its `Default`).
/// If it read no variable parameter, that outcome is the answer. Otherwise nag branches on the first one it
/// read, trying each allowed value (the provisional one reuses the outcome already known), and so on down
/// each branch for the variable parameters that branch reads: only parameters the check's values reach
/// are explored, and the leaves of the tree cover every choice exactly once.
///
/// A finding present in every leaf is reported as today; one present in some leaves names the smallest
/// set of choices under which it always holds (`when EnableExecCommand=true`).
struct ScenarioExplorer {
    let base: RuleContext
    let contexts: ScenarioContexts

    /// One part of a check's answer: an outcome and the scenario it holds in (nil: every scenario).
    struct Part {
        var outcome: RuleOutcome
        var scenario: Scenario?
    }

    /// The check's answer over every scenario, and whether it complied in all of them.
    struct Answer {
        var parts: [Part]
        var isCompliant: Bool

        init(parts: [Part], isCompliant: Bool) {
            self.parts = parts
            self.isCompliant = isCompliant
        }

        /// The answer of a template with no parameter left open: the check's one outcome.
        init(check: any Check, resource: Resource, context: RuleContext) {
            let outcome = check.evaluate(resource, in: context)
            self.init(parts: [Part(outcome: outcome, scenario: nil)], isCompliant: outcome == .compliant)
        }
    }

    private struct Leaf {
        var choices: [Scenario.Choice]
        var outcome: RuleOutcome
        var read: ParameterReadSet
    }

    func answer(of check: any Check, for resource: Resource) -> Answer {
        _ = base.resolver.takeParameterReads()
        let outcome = check.evaluate(resource, in: base)
        let read = base.resolver.takeParameterReads()
        if read.variable.isEmpty {
            let scenario = read.assumed.isEmpty ? nil : Scenario(assumedDefaults: assumed(read))
            return Answer(parts: [Part(outcome: outcome, scenario: scenario)], isCompliant: outcome == .compliant)
        }
        var leaves: [Leaf] = []
        var overrun: Unresolved?
        explore(check, resource, choices: [], outcome: outcome, read: read, into: &leaves, overrun: &overrun)
        var answer = merge(leaves)
        if let overrun {
            answer.parts.append(Part(outcome: .unknown(overrun), scenario: nil))
            answer.isCompliant = false
        }
        return answer
    }

    private func explore(_ check: any Check, _ resource: Resource, choices: [Scenario.Choice], outcome: RuleOutcome,
                         read: ParameterReadSet, into leaves: inout [Leaf], overrun: inout Unresolved?) {
        guard overrun == nil else { return }
        let chosen = Set(choices.map(\.parameter))
        guard let next = read.variable.first(where: { !chosen.contains($0) }),
              let domain = base.resolver.space.domains[next] else {
            leaves.append(Leaf(choices: choices, outcome: outcome, read: read))
            return
        }
        for value in domain.values {
            let branch = choices + [Scenario.Choice(next, value)]
            if value == domain.provisional {
                explore(check, resource, choices: branch, outcome: outcome, read: read, into: &leaves, overrun: &overrun)
                continue
            }
            guard leaves.count < contexts.limit, let context = contexts.context(for: branch, in: base) else {
                overrun = Unresolved(
                    "its parameters allow more combinations than the scenario budget (\(contexts.limit) per template, "
                        + "--max-scenarios); nag did not evaluate the rest", at: resource.position)
                return
            }
            _ = context.resolver.takeParameterReads()
            let branchOutcome = check.evaluate(resource, in: context)
            let branchRead = context.resolver.takeParameterReads()
            explore(check, resource, choices: branch, outcome: branchOutcome, read: branchRead, into: &leaves, overrun: &overrun)
        }
    }

    // MARK: - Merging the leaves

    /// One violation or unknown of a leaf, keyed so the same finding matches across leaves.
    private struct Item {
        var key: String
        var outcome: RuleOutcome
    }

    private func items(of outcome: RuleOutcome) -> [Item] {
        var items: [Item] = []
        var seen: [String: Int] = [:]
        func add(_ violations: [Violation]) {
            for violation in violations {
                let base = "v\u{1}\(violation.findingId ?? "")"
                let ordinal = seen[base, default: 0]
                seen[base] = ordinal + 1
                items.append(Item(key: "\(base)\u{1}\(ordinal)", outcome: .nonCompliant([violation])))
            }
        }
        switch outcome {
        case .compliant, .notApplicable: break
        case .nonCompliant(let violations): add(violations)
        case .unknown(let why): items.append(Item(key: "u", outcome: .unknown(why)))
        case .partlyUndecided(let violations, let why):
            add(violations)
            items.append(Item(key: "u", outcome: .unknown(why)))
        }
        return items
    }

    private func merge(_ leaves: [Leaf]) -> Answer {
        let itemsByLeaf = leaves.map { items(of: $0.outcome) }
        var leavesWith: [String: Set<Int>] = [:]
        var order: [(key: String, leaf: Int, outcome: RuleOutcome)] = []
        for (index, items) in itemsByLeaf.enumerated() {
            for item in items {
                if leavesWith[item.key] == nil { order.append((item.key, index, item.outcome)) }
                leavesWith[item.key, default: []].insert(index)
            }
        }
        var parts: [Part] = []
        for (key, first, outcome) in order {
            let holding = leavesWith[key] ?? []
            let leaf = leaves[first]
            let choices = holding.count == leaves.count ? [] : smallestScenario(leaf.choices, holding: holding, in: leaves)
            let scenario = Scenario(choices: choices, assumedDefaults: assumed(leaf.read))
            parts.append(Part(outcome: outcome, scenario: scenario.isEmpty ? nil : scenario))
        }
        let isCompliant = itemsByLeaf.allSatisfy(\.isEmpty) && leaves.contains { $0.outcome == .compliant }
        return Answer(parts: parts, isCompliant: isCompliant)
    }

    /// Drops choices that do not matter, then widens each to every value it holds for: a set of choices is
    /// enough when every leaf it allows holds the finding (the leaves partition all choices, so the finding
    /// then holds whenever they are made).
    private func smallestScenario(_ choices: [Scenario.Choice], holding: Set<Int>, in leaves: [Leaf]) -> [Scenario.Choice] {
        func isEnough(_ candidate: [Scenario.Choice]) -> Bool {
            leaves.indices.allSatisfy { index in
                holding.contains(index) || !candidate.allSatisfy { wanted in
                    leaves[index].choices.first { $0.parameter == wanted.parameter }.map { wanted.values.contains($0.value) } ?? true
                }
            }
        }
        var kept = choices
        for choice in choices.reversed() {
            let candidate = kept.filter { $0 != choice }
            if isEnough(candidate) { kept = candidate }
        }
        for index in kept.indices {
            guard let domain = base.resolver.space.domains[kept[index].parameter] else { continue }
            for value in domain.values where !kept[index].values.contains(value) {
                var candidate = kept
                candidate[index].values.append(value)
                if isEnough(candidate) { kept = candidate }
            }
        }
        return kept
    }

    private func assumed(_ read: ParameterReadSet) -> [Scenario.Choice] {
        read.assumed.compactMap { name in base.resolver.space.assumedDefaults[name].map { Scenario.Choice(name, $0) } }
    }
}

/// The contexts of one template's scenarios, one per distinct choice of values, at most ``limit`` of them:
/// each keeps its own decided conditions and indexes, shared by every check and resource.
final class ScenarioContexts: Sendable {
    let limit: Int
    private let contexts = Mutex<[[String: String]: RuleContext]>([:])

    init(limit: Int) { self.limit = limit }

    /// The context deciding with `choices` (provisional values need no choosing); nil past the budget.
    func context(for choices: [Scenario.Choice], in base: RuleContext) -> RuleContext? {
        var key: [String: String] = [:]
        for choice in choices where base.resolver.space.domains[choice.parameter]?.provisional != choice.value {
            key[choice.parameter] = choice.value
        }
        if key.isEmpty { return base }
        return contexts.withLock { known in
            if let context = known[key] { return context }
            guard known.count < limit else { return nil }
            let context = base.with(scenario: key)
            known[key] = context
            return context
        }
    }
}
