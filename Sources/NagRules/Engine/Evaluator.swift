/// Options that change how templates are evaluated.
public struct EvaluationOptions: Sendable {
    /// Values for template parameters (`--parameters Key=Value`).
    public var parameterValues: [String: String]
    /// Parameters whose value is known only once deployed, with what is passed (a nested stack's parameters
    /// that its parent fills with references to its own resources).
    public var undecidedParameters: [String: String] = [:]
    /// Parameters a parent stack passes one of its own variable parameters to, with its choices.
    public var inheritedChoices: [String: ParameterSpace.Domain] = [:]
    /// The level unknowns are reported at; nil ignores them (`--unknown ignore`).
    public var unknownLevel: RuleLevel?
    /// Evaluate as if the templates had no suppressions (`--ignore-suppressions`).
    public var ignoreSuppressions: Bool
    /// The most parameter combinations nag evaluates per template (`--max-scenarios`), and the most one
    /// check explores for one resource; past it the rest is reported as undecided.
    public var maxScenarios = EvaluationOptions.defaultMaxScenarios
    /// Whether evaluation lists the rule and resource pairs that complied (``TemplateEvaluation/compliant``):
    /// only the CSV and JUnit reports show them, and a large template has hundreds of thousands.
    public var recordsCompliantChecks = true
    /// Whether parameters with `AllowedValues` range over them (else they keep their `Default`, as cdk-nag
    /// would resolve them if it could).
    public var exploresScenarios = true

    public static let defaultMaxScenarios = 256

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
    /// Rule and resource pairs that complied; empty unless ``EvaluationOptions/recordsCompliantChecks``.
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
        let space = options.exploresScenarios
            ? ParameterSpace(template: template, supplied: options.parameterValues, undecided: options.undecidedParameters,
                             inherited: options.inheritedChoices)
            : .none
        let context = RuleContext(template: template, parameterValues: options.parameterValues,
                                  undecidedParameters: options.undecidedParameters, space: space)
        let explorer = ScenarioExplorer(base: context, contexts: ScenarioContexts(limit: max(1, options.maxScenarios)))
        var findings: [Finding] = []
        /// The id rank (``RuleSet/idRanks``) of each finding's rule.
        var ranks: [Int32] = []
        var compliant: [CompliantCheck] = []
        for resource in template.resources {
            let summary = ResourceSummary(resource)
            for publication in ruleSet.checks(for: resource.type) {
                let answer = space.isEmpty
                    ? ScenarioExplorer.Answer(check: publication.check, resource: resource, context: context)
                    : explorer.answer(of: publication.check, for: resource)
                for ruleIndex in publication.rules {
                    let rule = ruleSet.rules[ruleIndex]
                    if answer.isCompliant && options.recordsCompliantChecks {
                        compliant.append(CompliantCheck(ruleId: rule.id.description, resource: summary))
                    }
                    let before = findings.count
                    for part in answer.parts {
                        record(part.outcome, of: rule, for: summary, in: template, scenario: part.scenario, into: &findings)
                    }
                    ranks.append(contentsOf: repeatElement(ruleSet.idRanks[ruleIndex], count: findings.count - before))
                }
            }
        }
        findings.sortInReportOrder(idRanks: ranks)
        return TemplateEvaluation(template: template, findings: findings, compliant: compliant)
    }

    /// The findings of one part of a check's answer, as one rule publishes it.
    private func record(_ outcome: RuleOutcome, of rule: Rule, for resource: ResourceSummary, in template: Template,
                        scenario: Scenario?, into findings: inout [Finding]) {
        let ruleId = rule.id.description
        let check = rule.checkName
        switch outcome {
        case .compliant, .notApplicable:
            break
        case .nonCompliant(let violations):
            for violation in violations {
                findings.append(Finding(
                    ruleId: ruleId, level: ruleSet.level(of: violation, of: rule), kind: .violation, message: rule.cause,
                    detail: Self.detail(violation.detail, scenario), findingId: violation.findingId, resource: resource,
                    location: template.location(violation.position), check: check, controls: rule.controls, scenario: scenario))
            }
        case .partlyUndecided(let violations, let why):
            record(.nonCompliant(violations), of: rule, for: resource, in: template, scenario: scenario, into: &findings)
            record(.unknown(why), of: rule, for: resource, in: template, scenario: scenario, into: &findings)
        case .unknown(let why):
            guard let level = options.unknownLevel else { return }
            findings.append(Finding(
                ruleId: ruleId, level: level, kind: .unknown, message: "could not be decided: \(why.reason)",
                detail: Self.detail(nil, scenario), resource: resource, location: template.location(why.position),
                check: check, controls: rule.controls, scenario: scenario))
        }
    }

    /// A violation's detail followed by the scenario it holds in.
    static func detail(_ detail: String?, _ scenario: Scenario?) -> String? {
        guard let scenario, !scenario.isEmpty else { return detail }
        guard let detail, !detail.isEmpty else { return scenario.description }
        return "\(detail) \(scenario.description)"
    }
}
