/// Options that change how templates are evaluated.
public struct EvaluationOptions: Sendable {
    /// Values for template parameters (`--parameters Key=Value`).
    public var parameterValues: [String: String]
    /// Parameters whose value is known only once deployed, with what is passed (a nested stack's parameters
    /// that its parent fills with references to its own resources).
    public var undecidedParameters: [String: String] = [:]
    /// The level unknowns are reported at; nil ignores them (`--unknown ignore`).
    public var unknownLevel: RuleLevel?
    /// Evaluate as if the templates had no suppressions (`--ignore-suppressions`).
    public var ignoreSuppressions: Bool

    public init(parameterValues: [String: String] = [:], unknownLevel: RuleLevel? = .warning, ignoreSuppressions: Bool = false) {
        self.parameterValues = parameterValues
        self.unknownLevel = unknownLevel
        self.ignoreSuppressions = ignoreSuppressions
    }
}

/// A rule and a resource it found compliant: the rows of the CSV and JUnit reports that passed.
public struct CompliantCheck: Sendable, Hashable {
    public var ruleId: String
    public var resource: ResourceSummary
}

/// Everything evaluation found in one template.
public struct TemplateEvaluation: Sendable {
    public var template: Template
    /// Violations and unknowns (suppressed ones included, with their suppression), then suppression
    /// problems; sorted in report order.
    public var findings: [Finding]
    /// Rule and resource pairs that complied.
    public var compliant: [CompliantCheck]
}

/// Runs a rule set over templates: each distinct check once per resource of a type it reads, and one
/// finding per selected rule that publishes it. Suppressions are the next stage (``Suppressor``).
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    public let options: EvaluationOptions

    public init(ruleSet: RuleSet, options: EvaluationOptions = EvaluationOptions()) {
        self.ruleSet = ruleSet
        self.options = options
    }

    /// The template's findings, none of them suppressed yet, in report order.
    public func evaluate(_ template: Template) -> TemplateEvaluation {
        let context = RuleContext(template: template, parameterValues: options.parameterValues,
                                  undecidedParameters: options.undecidedParameters)
        var findings: [Finding] = []
        var compliant: [CompliantCheck] = []
        for resource in template.resources {
            let summary = ResourceSummary(resource)
            for publication in ruleSet.checks(for: resource.type) {
                let outcome = publication.check.evaluate(resource, in: context)
                for rule in publication.rules.map({ ruleSet.rules[$0] }) {
                    record(outcome, of: rule, for: summary, in: template, into: &findings, &compliant)
                }
            }
        }
        findings.sort(by: Finding.reportOrder)
        return TemplateEvaluation(template: template, findings: findings, compliant: compliant)
    }

    private func record(_ outcome: RuleOutcome, of rule: Rule, for resource: ResourceSummary, in template: Template,
                        into findings: inout [Finding], _ compliant: inout [CompliantCheck]) {
        let ruleId = rule.id.description
        let check = rule.check?.name
        switch outcome {
        case .compliant:
            compliant.append(CompliantCheck(ruleId: ruleId, resource: resource))
        case .notApplicable:
            break
        case .nonCompliant(let violations):
            for violation in violations {
                findings.append(Finding(
                    ruleId: ruleId, level: ruleSet.level(of: violation, of: rule), kind: .violation, message: rule.cause,
                    detail: violation.detail, findingId: violation.findingId, resource: resource,
                    location: template.location(violation.position), check: check, controls: rule.controls))
            }
        case .partlyUndecided(let violations, let why):
            record(.nonCompliant(violations), of: rule, for: resource, in: template, into: &findings, &compliant)
            record(.unknown(why), of: rule, for: resource, in: template, into: &findings, &compliant)
        case .unknown(let why):
            guard let level = options.unknownLevel else { return }
            findings.append(Finding(
                ruleId: ruleId, level: level, kind: .unknown, message: "could not be decided: \(why.reason)",
                resource: resource, location: template.location(why.position), check: check, controls: rule.controls))
        }
    }
}
