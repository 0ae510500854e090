/// Options that change how templates are evaluated.
public struct EvaluationOptions: Sendable {
    /// Values for template parameters (`--parameters Key=Value`).
    public var parameterValues: [String: String]
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

/// Runs a rule set over templates: evaluate each resource, then apply suppressions.
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    public let options: EvaluationOptions
    /// Every rule id nag knows in this run's packs and the others available (to tell a misspelt suppression).
    public let knownRuleIds: Set<String>

    public init(ruleSet: RuleSet, options: EvaluationOptions = EvaluationOptions(), knownRuleIds: Set<String>? = nil) {
        self.ruleSet = ruleSet
        self.options = options
        self.knownRuleIds = knownRuleIds ?? ruleSet.ruleIds
    }

    public func evaluate(_ template: Template) -> TemplateEvaluation {
        let context = RuleContext(template: template, parameterValues: options.parameterValues)
        var findings: [Finding] = []
        var compliant: [CompliantCheck] = []
        for resource in template.resources {
            let summary = ResourceSummary(resource)
            for rule in ruleSet.rules(for: resource.type) {
                let description = rule.description
                switch rule.evaluate(resource, in: context) {
                case .compliant:
                    compliant.append(CompliantCheck(ruleId: description.id, resource: summary))
                case .notApplicable:
                    continue
                case .nonCompliant(let violations):
                    for violation in violations {
                        findings.append(Finding(
                            ruleId: description.id, level: ruleSet.level(of: violation, of: description), kind: .violation, message: description.cause,
                            detail: violation.detail, findingId: violation.findingId, resource: summary,
                            location: template.location(violation.position)))
                    }
                case .unknown(let why):
                    guard let level = options.unknownLevel else { continue }
                    findings.append(Finding(
                        ruleId: description.id, level: level, kind: .unknown,
                        message: "could not be decided: \(why.reason)", resource: summary,
                        location: template.location(why.position)))
                }
            }
        }
        if !options.ignoreSuppressions {
            var problemLevels: [String: RuleLevel] = [:]
            for rule in ruleSet.rules where rule.description.pack == SuppressionRules.pack.name {
                problemLevels[rule.description.id] = ruleSet.level(of: rule.description)
            }
            let suppressor = Suppressor(knownRuleIds: knownRuleIds, evaluatedRuleIds: ruleSet.ruleIds, problemLevels: problemLevels)
            findings = suppressor.apply(to: findings, in: template)
        }
        findings.sort(by: Finding.reportOrder)
        return TemplateEvaluation(template: template, findings: findings, compliant: compliant)
    }
}
