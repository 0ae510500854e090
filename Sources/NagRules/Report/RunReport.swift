/// The result of one run over many files: what every report format renders and the exit status derives from.
public struct RunReport: Sendable {
    /// One input file: its evaluation, or why it could not be loaded.
    public struct FileResult: Sendable {
        public var file: String
        /// Nil when the file could not be loaded.
        public var evaluation: TemplateEvaluation?
        /// The load failure, or the shape problems of a template that loaded.
        public var diagnostics: [LoadDiagnostic]

        public init(file: String, evaluation: TemplateEvaluation?, diagnostics: [LoadDiagnostic]) {
            self.file = file
            self.evaluation = evaluation
            self.diagnostics = diagnostics
        }

        public var loaded: Bool { evaluation != nil }
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var files: [FileResult]
    /// The rules of the run, for formats that describe them (SARIF, JUnit).
    public var rules: [RuleDescription]
    /// Problems with the inputs themselves (a path that does not exist).
    public var inputProblems: [LoadDiagnostic]
    /// The level at which an open finding fails the run (`--fail-on`; nil fails on none): reports say per finding
    /// why it is not failing (``FindingStanding``).
    public var failOn: RuleLevel? = .error
    /// Baseline entries that matched no finding of this run (fixed or gone), for reports to list.
    public var staleBaselineEntries: [BaselineEntry] = []
    /// Whether a baseline was applied (SARIF then gives every open result a `baselineState`).
    public var baselineApplied = false

    public init(files: [FileResult], rules: [RuleDescription], inputProblems: [LoadDiagnostic] = []) {
        self.files = files
        self.rules = rules
        self.inputProblems = inputProblems
    }

    /// Every finding of every file, in report order.
    public var findings: [Finding] { files.flatMap { $0.evaluation?.findings ?? [] } }

    /// The same findings, read in place (formatters and counts walk them without copying them into one array).
    public var allFindings: LazySequence<FlattenSequence<LazyMapSequence<[FileResult], [Finding]>>> {
        files.lazy.map { $0.evaluation?.findings ?? [] }.joined()
    }

    public var compliant: [(file: String, check: CompliantCheck)] {
        files.flatMap { file in (file.evaluation?.compliant ?? []).map { (file.file, $0) } }
    }

    /// Every load error and shape problem, input problems first.
    public var diagnostics: [LoadDiagnostic] { inputProblems + files.flatMap(\.diagnostics) }

    public var summary: Summary { Summary(self) }

    /// Counts for the summary line and the JSON report.
    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var filesFailed = 0
        /// Files that loaded as templates (the others failed to load, or are not templates).
        public var templatesLoaded = 0
        public var errors = 0
        public var warnings = 0
        public var unknown = 0
        public var suppressed = 0
        /// Findings the baseline accepted (not counted as errors or warnings).
        public var baselined = 0

        init(_ report: RunReport) {
            files = report.files.count
            filesFailed = report.files.filter { !$0.loaded }.count + report.inputProblems.count
            templatesLoaded = report.files.filter(\.loaded).count
            for finding in report.allFindings {
                if finding.isSuppressed { suppressed += 1; continue }
                if finding.baselined { baselined += 1; continue }
                if finding.kind == .unknown { unknown += 1 }
                switch finding.level {
                case .error: errors += 1
                case .warning: warnings += 1
                }
            }
        }
    }

    /// How the run ends, for the exit status.
    public enum Outcome: Sendable, Equatable {
        /// No unsuppressed finding at or above the fail level, and every input loaded.
        case clean
        /// At least one unsuppressed finding at or above the fail level.
        case findings
        /// An input could not be read or loaded, or has shape errors (findings of other files are still reported).
        case invalidInput
    }

    /// `failOn` nil never fails on findings (`--fail-on none`).
    public func outcome(failOn: RuleLevel?) -> Outcome {
        if diagnostics.contains(where: { $0.severity == .error }) { return .invalidInput }
        guard let failOn else { return .clean }
        let failing = allFindings.contains { !$0.isSuppressed && !$0.baselined && $0.level >= failOn }
        return failing ? .findings : .clean
    }
}
