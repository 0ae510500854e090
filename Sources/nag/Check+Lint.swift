import ArgumentParser
import Foundation
import NagRules

extension CheckOptions {
    /// The run's settings (command line over `.nag.yaml` over defaults) and the day expiry is judged on.
    func settings() throws -> (EffectiveSettings, CalendarDate) {
        let config = try self.config.load()
        var commandLine = CommandLineSettings()
        commandLine.paths = input.paths
        commandLine.packs = rules.packs
        commandLine.failOn = failOn?.rawValue
        commandLine.unknown = unknown?.rawValue
        commandLine.only = rules.only
        commandLine.skip = rules.skip
        commandLine.levels = try rules.levelPairs()
        commandLine.customRules = custom.paths
        commandLine.baseline = baseline
        return (EffectiveSettings(commandLine: commandLine, config: config, defaultPacks: BuiltInPacks.defaultNames), today)
    }

    /// Loads, evaluates and suppresses the inputs (cdk_nag metadata, then the configuration's suppressions): the
    /// report before any baseline.
    func lint(_ settings: EffectiveSettings, today: CalendarDate) throws -> (RunReport, [TemplateSource]) {
        guard !settings.paths.value.isEmpty else {
            // Piped input without `-` would otherwise be ignored and the help printed.
            if isatty(STDIN_FILENO) == 0 {
                printError("nag: error: reading standard input needs -: cat template.yaml | nag -")
            } else {
                printError("nag: error: give at least one template file or directory (or - for standard input), or paths in \(NagConfig.fileName)")
            }
            throw ExitCode(ExitStatus.invalidInput)
        }
        let customPacks = try CustomRuleOptions.load(settings.customRules.value)
        try checkRuleIds(settings, known: Set((BuiltInPacks.all + customPacks).flatMap(\.rules).map(\.id.description)))
        let commandLineValues = try parameterValues()
        let selection = RuleSelection(packNames: settings.packs.value, only: settings.only.value, skip: settings.skip.value,
                                      levelOverrides: Dictionary(settings.levels.map { ($0.id, $0.level.value) }, uniquingKeysWith: { $1 }))
        // `ignore` is a nil level: the option's value decides, the default only when it is somehow unreadable.
        let unknownLevel = (UnknownLevel(rawValue: settings.unknown.value) ?? .warning).level
        var linter = Linter(availablePacks: BuiltInPacks.all + customPacks, selection: selection.adding(customPacks),
                            options: EvaluationOptions(parameterValues: commandLineValues, unknownLevel: unknownLevel,
                                                       ignoreSuppressions: ignoreSuppressions),
                            loader: input.loader)
        linter.today = today
        linter.options.maxScenarios = maxScenarios
        // Only the CSV and JUnit reports list what passed.
        linter.options.recordsCompliantChecks = format == .csv || format == .junit
        var (sources, problems) = InputDiscovery.discover(settings.paths.value, loader: input.loader)
        sources.removeAll { source in source.discovered && settings.exclude.value.contains { $0.matches(source.name) } }
        if skipNonTemplates {
            sources = sources.map { source in
                var source = source
                if source.stack == nil && source.bytes == nil { source.discovered = true }
                return source
            }
        }
        // Templates with their own parameter values from the configuration are run in groups of equal values.
        var groups: [(values: [String: String], sources: [TemplateSource])] = []
        for source in sources {
            let values = settings.parameterValues(for: source.name).merging(commandLineValues) { $1 }
            if let index = groups.firstIndex(where: { $0.values == values }) {
                groups[index].sources.append(source)
            } else {
                groups.append((values, [source]))
            }
        }
        var report = RunReport(files: [], rules: [], inputProblems: problems)
        do {
            if groups.count <= 1 {
                report = try linter.run(sources, inputProblems: problems)
            } else {
                for (index, group) in groups.enumerated() {
                    var groupLinter = linter
                    groupLinter.options.parameterValues = group.values
                    let part = try groupLinter.run(group.sources, inputProblems: index == 0 ? problems : [])
                    report.files += part.files
                    report.rules = part.rules
                }
            }
        } catch {
            throw ValidationError(error.description)
        }
        report = settings.applySuppressions(to: report, today: today)
        report.failOn = (FailLevel(rawValue: settings.failOn.value) ?? .error).level
        return (report, sources)
    }

    /// `--parameters-file`, then `--parameters` over it.
    private func parameterValues() throws -> [String: String] {
        var values: [String: String] = [:]
        if let parametersFile {
            do throws(LoadDiagnostic) {
                values = try ParameterFile.parse(bytes: try TemplateLoader().readFile(parametersFile), file: parametersFile)
            } catch {
                printError(error.description)
                throw ExitCode(ExitStatus.invalidInput)
            }
        }
        for pair in parameters {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--parameters takes Key=Value, got \(pair)")
            }
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return values
    }

    /// Rule ids the configuration names (levels, suppressions) must exist: a located error, exit 3.
    private func checkRuleIds(_ settings: EffectiveSettings, known: Set<String>) throws {
        var problems: [String] = []
        for (id, level) in settings.levels where !known.contains(id) {
            guard case .file(let location) = level.source else { continue }
            problems.append("\(location): error: levels names \(id), which is not a rule id (see `nag rules`)")
        }
        for entry in settings.suppressions where !known.contains(entry.ruleId) {
            problems.append("\(entry.origin): error: the suppression names \(entry.ruleId), which is not a rule id (see `nag rules`)")
        }
        guard problems.isEmpty else {
            problems.forEach(printError)
            throw ExitCode(ExitStatus.invalidConfiguration)
        }
    }

    /// A note for each named file skipped as not a template (`--skip-non-templates`).
    func noteSkipped(_ sources: [TemplateSource], _ report: RunReport) {
        guard skipNonTemplates else { return }
        let checked = Set(report.files.map(\.file))
        for source in sources where !checked.contains(source.name) && source.stack == nil && source.bytes == nil {
            printError("\(source.name): note: not a CloudFormation template, skipped (--skip-non-templates)")
        }
    }
}
