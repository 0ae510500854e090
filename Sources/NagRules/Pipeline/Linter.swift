/// Loads templates, evaluates them and applies their suppressions: the whole pipeline behind `nag` and
/// `NagTesting`.
///
/// ```swift
/// let report = try Linter().run([.file("template.yaml")])
/// let open = report.findings.filter { !$0.isSuppressed && $0.level == .error }
/// ```
public struct Linter: Sendable {
    /// Every pack the run may select from (built-in ones and custom packs).
    public var availablePacks: [RulePack]
    public var selection: RuleSelection
    public var options: EvaluationOptions
    public var loader: TemplateLoader

    public init(availablePacks: [RulePack] = BuiltInPacks.all, selection: RuleSelection = RuleSelection(),
                options: EvaluationOptions = EvaluationOptions(), loader: TemplateLoader = TemplateLoader()) {
        self.availablePacks = availablePacks
        self.selection = selection
        self.options = options
        self.loader = loader
    }

    /// Loads and evaluates every source, on all cores; file results keep the order of `sources`.
    public func run(_ sources: [TemplateSource], inputProblems: [LoadDiagnostic] = []) throws(RuleSelection.SelectionError) -> RunReport {
        let ruleSet = try selection.ruleSet(from: availablePacks)
        let evaluator = Evaluator(ruleSet: ruleSet, options: options)
        let suppressor = options.ignoreSuppressions ? nil
            : Suppressor(ruleSet: ruleSet, knownRuleIds: Set(availablePacks.flatMap(\.rules).map(\.id.description)))
        let loader = self.loader
        let files = concurrentMap(sources) { source -> RunReport.FileResult? in
            let result = loader.load(source)
            if TemplateLoader.isSkipped(source, result) { return nil }
            switch result {
            case .success(let template):
                let evaluation = evaluator.evaluate(template)
                return RunReport.FileResult(file: source.name, evaluation: suppressor?.apply(to: evaluation) ?? evaluation,
                                            diagnostics: template.diagnostics)
            case .failure(let diagnostic):
                return RunReport.FileResult(file: source.name, evaluation: nil, diagnostics: [diagnostic])
            }
        }.compactMap { $0 }
        let rules = ruleSet.rules.map { $0.description.with(level: ruleSet.level(of: $0)) }
        return RunReport(files: files, rules: rules, inputProblems: inputProblems)
    }
}
