/// A rule read from a YAML pack file: a ``Check`` like the built-in ones, with the id and level its pack
/// file gives it, so suppressions, reports, exit codes, `nag rules` and `nag explain` treat it the same way.
public struct CustomRule: Check {
    /// What a value that cannot be resolved (a parameter without a default, an attribute known only once
    /// deployed) means for the rule.
    public enum UnresolvedPolicy: String, Sendable, CaseIterable {
        /// Report that the rule could not decide (at the `--unknown` level).
        case unknown
        /// Treat the resource as compliant.
        case pass
        /// Treat the resource as non-compliant.
        case fail
    }

    public let id: RuleID
    public let level: RuleLevel
    public let about: CheckAbout
    /// Limits the resources the rule checks; nil checks every resource of the rule's types.
    package let when: CustomCondition?
    package let assertion: CustomCondition
    public let unresolved: UnresolvedPolicy
    /// Where the rule is written (its `id`), for messages about the rule itself.
    public let location: FileLocation
    /// Where each of the description's examples is written, in the same order.
    public let exampleOrigins: [ExampleOrigin]

    package init(id: RuleID, level: RuleLevel, about: CheckAbout, when: CustomCondition?, assertion: CustomCondition,
                unresolved: UnresolvedPolicy, location: FileLocation, exampleOrigins: [ExampleOrigin] = []) {
        self.id = id
        self.level = level
        self.about = about
        self.when = when
        self.assertion = assertion
        self.unresolved = unresolved
        self.location = location
        self.exampleOrigins = exampleOrigins
    }

    /// A custom check is its rule: named by the rule's id, so two custom rules are never one check.
    public var name: String { id.description }

    /// The rule its pack publishes.
    public var rule: Rule { Rule(id: id, level: level, check: self) }

    public func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let evaluator = ConditionEvaluator(context: context, resource: resource)
        let root = ConditionEvaluator.root(of: resource, in: context)
        var undecidedWhen: Unresolved?
        if let when {
            let applies = evaluator.evaluate(when, at: root)
            switch applies.truth {
            case .fails: return .notApplicable
            case .undecided: undecidedWhen = applies.unresolved
            case .holds: break
            }
        }
        let verdict = evaluator.evaluate(assertion, at: root)
        switch verdict.truth {
        case .holds:
            return .compliant
        case .fails:
            guard let undecidedWhen else { return .nonCompliant(violations(verdict.witnesses)) }
            switch unresolved {
            case .unknown: return .unknown(undecidedWhen)
            case .pass: return .notApplicable
            case .fail: return .nonCompliant(violations(verdict.witnesses))
            }
        case .undecided:
            let why = undecidedWhen ?? verdict.unresolved ?? Unresolved("a value cannot be resolved", at: resource.position)
            switch unresolved {
            case .unknown: return .unknown(why)
            case .pass: return .compliant
            case .fail: return .violation(at: why.position, why.reason)
            }
        }
    }

    private func violations(_ witnesses: [Witness]) -> [Violation] {
        witnesses.map { Violation(position: $0.position, detail: $0.detail) }
    }
}

/// Where an example's template is written in its pack file, so a test failure can point at the line of the
/// pack file rather than at a line of the template.
public struct ExampleOrigin: Sendable, Equatable {
    /// The template's scalar (the `|` of a block scalar).
    public var location: FileLocation
    /// For a block scalar: the pack file line of the template's first line, and its indentation.
    public var firstLine: Int?
    public var indent: Int

    /// The pack file location of a position in the template, when the template is a block scalar.
    public func location(of position: Position) -> FileLocation? {
        guard let firstLine else { return nil }
        return FileLocation(file: location.file, line: firstLine + position.line - 1, column: indent + position.column)
    }
}
