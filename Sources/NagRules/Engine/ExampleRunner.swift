/// Runs a check's examples: the one judge of what an example expects, used by the Swift tests of the
/// built-in checks and by `nag test-rules` alike.
///
/// A compliant example must give no finding; a non-compliant one at least one violation, and when it marks
/// places with `↓`, violations exactly there (and, when it lists them, exactly its granular finding ids); an
/// unknown one an unknown (at its `↓` when marked) and no violation. The example's template must load
/// without any diagnostic. Examples run once per check, whichever packs publish it.
public struct ExampleRunner: Sendable {
    public var loader: TemplateLoader
    /// Whether a non-compliant example must mark where its findings are (built-in checks must; a custom
    /// pack may leave it to "at least one").
    public var markersRequired: Bool

    public init(loader: TemplateLoader = TemplateLoader(), markersRequired: Bool = false) {
        self.loader = loader
        self.markersRequired = markersRequired
    }

    /// The result of one example.
    public struct Result: Sendable, CustomStringConvertible {
        /// The rule id (custom rules) or check name (built-in checks) the example belongs to.
        public var subject: String
        public var expectation: RuleExample.Expectation
        /// 1-based, among the check's examples of the same expectation.
        public var number: Int
        /// Where the example is written.
        public var location: FileLocation
        /// Why the example failed; nil when it passed.
        public var failure: String?

        public var passed: Bool { failure == nil }

        public var description: String {
            let kind = switch expectation {
            case .compliant: "compliant"
            case .nonCompliant: "nonCompliant"
            case .unknown: "unknown"
            }
            let head = "\(location): \(passed ? "pass" : "FAIL") \(subject) \(kind) example \(number)"
            return failure.map { "\(head): \($0)" } ?? head
        }
    }

    /// Every example of `check`, in order; a check without a compliant or non-compliant example gives a
    /// failed result saying so, at `location`.
    public func run(_ check: any Check, location: FileLocation) -> [Result] {
        var results: [Result] = []
        var counts: [RuleExample.Expectation: Int] = [:]
        let origins = (check as? CustomRule)?.exampleOrigins ?? []
        for (index, example) in check.about.examples.enumerated() {
            counts[example.expectation, default: 0] += 1
            let origin = index < origins.count ? origins[index] : nil
            let where_ = origin?.location ?? FileLocation(file: example.file, line: example.line, column: 1)
            results.append(Result(subject: check.name, expectation: example.expectation,
                                  number: counts[example.expectation, default: 0], location: where_,
                                  failure: failure(of: example, for: check, origin: origin)))
        }
        for needed in [RuleExample.Expectation.compliant, .nonCompliant] where counts[needed] == nil {
            results.append(Result(subject: check.name, expectation: needed, number: 0, location: location,
                                  failure: "the check has no \(needed == .compliant ? "compliant" : "nonCompliant") example"))
        }
        return results
    }

    /// Why `example` does not behave as it says, or nil when it does. With the example's `origin`, places are
    /// given as locations in the pack file, else as line:column of the template.
    public func failure(of example: RuleExample, for check: any Check, origin: ExampleOrigin? = nil) -> String? {
        let place = { (position: Position) -> String in origin?.location(of: position)?.description ?? position.description }
        let (text, markers) = example.markedTemplate
        let template: Template
        do {
            template = try loader.load(bytes: Array(text.utf8), file: "example")
        } catch {
            return "the template does not load: \(place(error.location.position)): \(error.message)"
        }
        if let problem = template.diagnostics.first {
            return "the template has a problem: \(place(problem.location.position)): \(problem.message)"
        }
        let findings = Self.findings(of: check, in: template, parameters: example.parameters)
        let violations = findings.filter { $0.kind == .violation }
        let unknowns = findings.filter { $0.kind == .unknown }
        let found = { (list: [Finding]) in list.map { place($0.location.position) + ($0.detail.map { " (\($0))" } ?? "") }.joined(separator: ", ") }
        if example.expectation != .compliant, let problem = Self.scenarioProblem(example.scenario, in: example.expectation == .unknown ? unknowns : violations) {
            return problem
        }
        switch example.expectation {
        case .compliant:
            if !violations.isEmpty { return "expected no finding, got violations at \(found(violations))" }
            if !unknowns.isEmpty { return "expected no finding, got unknowns: \(unknowns.map(\.message).joined(separator: "; "))" }
        case .nonCompliant:
            if example.partlyUndecided {
                if unknowns.isEmpty { return "expected an unknown beside the violations, got none" }
            } else if !unknowns.isEmpty {
                return "expected violations, got unknowns: \(unknowns.map(\.message).joined(separator: "; "))"
            }
            if violations.isEmpty { return "expected a violation, got none" }
            if markers.isEmpty && markersRequired { return "the example marks no place with ↓" }
            if !markers.isEmpty, Set(violations.map(\.location.position)) != Set(markers) {
                return "expected violations at the ↓ markers \(markers.map(place).joined(separator: ", ")), got \(found(violations))"
            }
            let ids = violations.compactMap(\.findingId).sorted()
            if !example.findingIds.isEmpty, ids != example.findingIds.sorted() {
                return "expected the granular findings \(example.findingIds.sorted().joined(separator: ", ")), got \(ids.joined(separator: ", "))"
            }
        case .unknown:
            if !violations.isEmpty { return "expected an unknown, got violations at \(found(violations))" }
            if unknowns.isEmpty { return "expected an unknown, got none" }
            if !markers.isEmpty, Set(unknowns.map(\.location.position)) != Set(markers) {
                return "expected unknowns at the ↓ markers \(markers.map(place).joined(separator: ", ")), got \(found(unknowns))"
            }
        }
        return nil
    }

    /// Why the findings do not hold under the scenario the example names (`when`), or nil when they do.
    static func scenarioProblem(_ expected: String?, in findings: [Finding]) -> String? {
        let conditions = Set(findings.map { $0.scenario?.condition ?? "" })
        guard let expected else {
            guard let condition = conditions.first(where: { !$0.isEmpty }) else { return nil }
            return "a finding holds only when \(condition): say so with when: \"\(condition)\""
        }
        guard conditions == [expected] else {
            let got = conditions.sorted().map { $0.isEmpty ? "in every scenario" : "when \($0)" }.joined(separator: "; ")
            return "expected findings when \(expected), got findings \(got)"
        }
        return nil
    }

    /// What `check` alone finds in `template`, as an error-level rule, unknowns at warning level, suppressions ignored.
    public static func findings(of check: any Check, in template: Template, parameters: [String: String] = [:]) -> [Finding] {
        let rule = Rule(id: RuleID(pack: "Example", suffix: check.name), level: .error, check: check)
        let evaluator = Evaluator(ruleSet: RuleSet(rules: [rule]),
                                  options: EvaluationOptions(parameterValues: parameters, unknownLevel: .warning))
        return evaluator.evaluate(template).findings
    }
}
