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
    /// The day suppression expiry is judged on (`--now`); today by the system clock unless set.
    public var today: CalendarDate = .systemToday

    public init(availablePacks: [RulePack] = BuiltInPacks.all, selection: RuleSelection = RuleSelection(),
                options: EvaluationOptions = EvaluationOptions(), loader: TemplateLoader = TemplateLoader()) {
        self.availablePacks = availablePacks
        self.selection = selection
        self.options = options
        self.loader = loader
    }

    /// Loads and evaluates every source and the stacks they nest, on all cores. Results keep the order of
    /// `sources`, each input followed by the stacks it nests (``StackForest``). A nested stack is evaluated with
    /// the parameter values its parent passes (``StackParameters``), and its suppressions also match finding
    /// ids as cdk-nag 2 wrote them for values from other stacks (``FindingIdRenderings``).
    public func run(_ sources: [TemplateSource], inputProblems: [LoadDiagnostic] = []) throws(RuleSelection.SelectionError) -> RunReport {
        let ruleSet = try selection.ruleSet(from: availablePacks)
        let evaluator = Evaluator(ruleSet: ruleSet, options: options)
        let suppressor = options.ignoreSuppressions ? nil
            : Suppressor(ruleSet: ruleSet, knownRuleIds: Set(availablePacks.flatMap(\.rules).map(\.id.description)), today: today)
        let forest = StackForest.build(sources, loader: loader)
        let parameters = forest.parameters(commandLine: options.parameterValues)
        let renderings = forest.renderings(parameters: parameters)
        let options = self.options
        let files = concurrentMap(Array(forest.stacks.indices)) { index -> RunReport.FileResult in
            let stack = forest.stacks[index], values = parameters[index]
            switch stack.loaded {
            case .success(let written):
                let template = written.expandingServerlessResources()
                var evaluation: TemplateEvaluation
                if values == .input(options.parameterValues) {
                    evaluation = evaluator.evaluate(template)
                } else {
                    var stackOptions = options
                    stackOptions.parameterValues = values.literals
                    stackOptions.undecidedParameters = values.undecided
                    stackOptions.inheritedChoices = values.inherited
                    evaluation = Evaluator(ruleSet: ruleSet, options: stackOptions).evaluate(template)
                }
                let suppressed = suppressor?.apply(to: evaluation, renderings: renderings[index]) ?? evaluation
                return RunReport.FileResult(file: stack.file, evaluation: suppressed, diagnostics: template.diagnostics + stack.nestingProblems)
            case .failure(let diagnostic):
                return RunReport.FileResult(file: stack.file, evaluation: nil, diagnostics: [diagnostic])
            }
        }
        let rules = ruleSet.rules.map { $0.description.with(level: ruleSet.level(of: $0)) }
        return RunReport(files: Self.warningOfStrayParameters(options.parameterValues, in: files), rules: rules,
                         inputProblems: inputProblems)
    }

    /// A supplied parameter value that no template of the run declares changes nothing, which usually means a
    /// typo: the first template says so, at its `Parameters` section.
    static func warningOfStrayParameters(_ values: [String: String], in files: [RunReport.FileResult]) -> [RunReport.FileResult] {
        guard !values.isEmpty else { return files }
        let templates = files.compactMap { $0.evaluation?.template }
        let declared = Set(templates.flatMap { $0.parameters.map(\.name) })
        let strays = values.keys.filter { !declared.contains($0) }.sorted()
        guard !strays.isEmpty, let index = files.firstIndex(where: { $0.evaluation != nil }),
              let template = files[index].evaluation?.template else { return files }
        let position = template.root.mapValue?.entry("Parameters")?.keyPosition ?? Position(line: 1, column: 1)
        var result = files
        for name in strays {
            let names = template.parameters.map(\.name)
            let hint = names.isEmpty ? "it declares no parameters" : "it declares \(names.joined(separator: ", "))"
            result[index].diagnostics.append(LoadDiagnostic(
                "a value is given for parameter \(name), which no template checked declares (\(hint)): the value changes nothing",
                at: template.location(position), severity: .warning))
        }
        return result
    }
}
