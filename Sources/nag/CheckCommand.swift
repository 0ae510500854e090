import ArgumentParser
import Foundation
import NagRules

/// `nag [options] PATH...`: checks templates against rule packs (the default command).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check templates against the rule packs (the default command).",
        discussion: """
        Exit status: 0 when no unsuppressed finding reaches the --fail-on level, 1 when one does, \
        2 when an input or option is invalid (findings of the other files are still reported), \
        3 when the configuration file is invalid.
        """)

    @OptionGroup var options: CheckOptions

    func run() throws {
        try options.run()
    }
}

/// The check command's options, shared with the commands that run a check (`nag baseline`, `nag config`).
struct CheckOptions: ParsableArguments {
    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var custom: CustomRuleOptions
    @OptionGroup var config: ConfigOptions

    @Option(help: "Fail (exit 1) on unsuppressed findings at this level or above: error, warning or none (default: error).")
    var failOn: FailLevel?

    @Option(help: "Output format: text, json, sarif, junit or csv.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("With --format csv: write cdk-nag 2's reports into this folder instead, one <Pack>-<Stack>-NagReport.csv per pack and stack.", valueName: "folder"))
    var outputDir: String?

    @Option(name: .customLong("parameters"), help: ArgumentHelp("A template parameter value, Key=Value (repeatable).", valueName: "Key=Value"))
    var parameters: [String] = []

    @Option(name: .customLong("parameters-file"), help: ArgumentHelp("A JSON file of parameter values: [{\"ParameterKey\",\"ParameterValue\"}] or {\"Parameters\": {…}}.", valueName: "file"))
    var parametersFile: String?

    @Option(name: .customLong("max-scenarios"), help: ArgumentHelp("Most combinations of parameter values (AllowedValues) evaluated per template; past it the rest is reported as undecided.", valueName: "count"))
    var maxScenarios = EvaluationOptions.defaultMaxScenarios

    @Option(help: "Level for rules that cannot decide (an unresolved intrinsic): error, warning or ignore (default: warning).")
    var unknown: UnknownLevel?

    @Flag(help: "Skip a named file that is not a CloudFormation template (a note says so) instead of failing on it: for hooks that pass every JSON and YAML file.")
    var skipNonTemplates = false

    @Flag(help: "Evaluate as if the templates had no cdk_nag suppressions (audit mode).")
    var ignoreSuppressions = false

    @Flag(help: "In text output, also list suppressed findings with their reasons.")
    var showSuppressed = false

    @Option(help: ArgumentHelp("Judge suppression expiry as on this day, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var now: String?

    @Option(help: ArgumentHelp("A baseline file (`nag baseline create`): findings it holds are reported as baselined and do not fail the run.", valueName: "file"))
    var baseline: String?

    @Flag(name: .shortAndLong, help: "Text output: no summary line, nothing printed when there is nothing to report.")
    var quiet = false

    @Flag(help: "Never colour the text output (NO_COLOR is honoured too).")
    var noColor = false

    func validate() throws {
        guard (1...65_536).contains(maxScenarios) else { throw ValidationError("--max-scenarios is between 1 and 65536.") }
        if outputDir != nil && format != .csv { throw ValidationError("--output-dir writes cdk-nag 2's CSV reports: use it with --format csv.") }
        if outputDir != nil && output != nil { throw ValidationError("Give --output (one report) or --output-dir (one per pack and stack), not both.") }
        if let now, CalendarDate(parsing: now) == nil { throw ValidationError("--now takes a date written YYYY-MM-DD, got \(now)") }
    }

    /// The day suppression expiry is judged on.
    var today: CalendarDate { now.flatMap(CalendarDate.init(parsing:)) ?? .systemToday }

    func run() throws {
        let (settings, today) = try settings()
        var (report, sources) = try lint(settings, today: today)
        if let baseline = settings.baseline.value {
            report = try BaselineFile.read(baseline).apply(to: report)
        }
        try write(report, sources: sources)
        noteSkipped(sources, report)
        let status: Int32
        do {
            try finish(report, paths: settings.paths.value)
            status = ExitStatus.clean
        } catch let exit as ExitCode {
            status = exit.rawValue
        }
        // The process ends with the report still alive: freeing every template and finding one by one, on one
        // core, would take longer than writing the report, and the system reclaims the memory at once.
        withExtendedLifetime(report) { Foundation.exit(status) }
    }

    /// Writes the report in the chosen format to standard output, a file or a folder.
    func write(_ report: RunReport, sources: [TemplateSource]) throws {
        let stacks = Dictionary(sources.compactMap { source in source.stack.map { (source.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let formatter = formatter(writingToTerminal: output == nil, stacks: stacks)
        if let outputDir {
            try writeStackReports(report, stacks: stacks, into: outputDir)
        } else if let output {
            guard let file = FileOutput(path: output) else {
                printError("\(output): error: cannot write the report: \(String(cString: strerror(errno)))")
                throw ExitCode(ExitStatus.invalidInput)
            }
            var sink = file.sink
            formatter.write(report, to: &sink)
            file.flush()
            close(file.descriptor)
            if let why = file.failureDescription {
                printError("\(output): error: cannot write the report: \(why)")
                throw ExitCode(ExitStatus.invalidInput)
            }
        } else {
            let standardOutput = FileOutput(descriptor: STDOUT_FILENO)
            var sink = standardOutput.sink
            formatter.write(report, to: &sink)
            standardOutput.flush()
        }
        if format != .text { report.diagnostics.forEach { printError($0.description) } }
    }

    /// Ends the run with the exit status the report calls for.
    func finish(_ report: RunReport, paths: [String]) throws {
        if report.files.isEmpty && report.inputProblems.isEmpty {
            // An empty folder, or a cdk.out that was never synthesized, must not pass a gate.
            printError("nag: error: no CloudFormation template found in \(paths.joined(separator: ", ")) "
                       + "(files ending in .json, .yaml, .yml or .template; a cdk.out needs `cdk synth` first)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        switch report.outcome(failOn: report.failOn) {
        case .clean: return
        case .findings: throw ExitCode(ExitStatus.findings)
        case .invalidInput: throw ExitCode(ExitStatus.invalidInput)
        }
    }

    /// cdk-nag 2's per-stack CSV reports, each file written whole.
    private func writeStackReports(_ report: RunReport, stacks: [String: StackIdentity], into folder: String) throws {
        let reports = CSVFormatter().stackReports(of: report) { stacks[$0] ?? StackIdentity(templatePath: $0) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, text) in reports {
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
            }
        } catch {
            printError("\(folder): error: cannot write the reports: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    private func formatter(writingToTerminal: Bool, stacks: [String: StackIdentity]) -> any ReportFormatter {
        switch format {
        case .text:
            let environment = ProcessInfo.processInfo.environment
            let color = writingToTerminal && !noColor && isatty(STDOUT_FILENO) == 1
                && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
            return TextFormatter(useColor: color, quiet: quiet, showSuppressed: showSuppressed, stacks: stacks)
        case .json: return JSONFormatter()
        case .sarif, .junit, .csv: return MachineFormats.formatter(for: format)
        }
    }
}

/// `--fail-on`.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, none
    var level: RuleLevel? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .none: nil
        }
    }
}

/// `--unknown`.
enum UnknownLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, ignore
    var level: RuleLevel? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .ignore: nil
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
