/// Runs rules' examples as tests: what `nag test-rules` prints and the Swift tests assert.
///
/// A compliant example must give no finding; a non-compliant one at least one violation, and when it marks
/// places with `↓`, violations exactly there; an unknown one an unknown (at its `↓` when marked) and no
/// violation.
public struct ExampleRunner: Sendable {
    public var loader: TemplateLoader

    public init(loader: TemplateLoader = TemplateLoader()) {
        self.loader = loader
    }

    /// The result of one example.
    public struct Result: Sendable, CustomStringConvertible {
        public var ruleId: String
        public var expectation: RuleExample.Expectation
        /// 1-based, among the rule's examples of the same expectation.
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
            let head = "\(location): \(passed ? "pass" : "FAIL") \(ruleId) \(kind) example \(number)"
            return failure.map { "\(head): \($0)" } ?? head
        }
    }

    /// Every example of `rule`, in order; a rule without a compliant or non-compliant example gives a failed
    /// result saying so.
    public func run(_ rule: any Rule, location: FileLocation) -> [Result] {
        let description = rule.description
        var results: [Result] = []
        var counts: [RuleExample.Expectation: Int] = [:]
        let origins = (rule as? CustomRule)?.exampleOrigins ?? []
        for (index, example) in description.examples.enumerated() {
            counts[example.expectation, default: 0] += 1
            let origin = index < origins.count ? origins[index] : nil
            let where_ = origin?.location ?? FileLocation(file: example.file, line: example.line, column: 1)
            results.append(Result(ruleId: description.id, expectation: example.expectation,
                                  number: counts[example.expectation, default: 0], location: where_,
                                  failure: failure(of: example, for: rule, origin: origin)))
        }
        for needed in [RuleExample.Expectation.compliant, .nonCompliant] where counts[needed] == nil {
            results.append(Result(ruleId: description.id, expectation: needed, number: 0, location: location,
                                  failure: "the rule has no \(needed == .compliant ? "compliant" : "nonCompliant") example"))
        }
        return results
    }

    /// Why `example` does not behave as it says, or nil when it does. With the example's `origin`, places are
    /// given as locations in the pack file, else as line:column of the template.
    public func failure(of example: RuleExample, for rule: any Rule, origin: ExampleOrigin? = nil) -> String? {
        let place = { (position: Position) -> String in origin?.location(of: position)?.description ?? position.description }
        let (text, markers) = example.markedTemplate
        let template: Template
        do {
            template = try loader.load(bytes: Array(text.utf8), file: "example")
        } catch {
            return "the template does not load: \(place(error.location.position)): \(error.message)"
        }
        if let problem = template.diagnostics.first(where: { $0.severity == .error }) {
            return "the template has a problem: \(place(problem.location.position)): \(problem.message)"
        }
        let evaluator = Evaluator(
            ruleSet: RuleSet(rules: [rule]),
            options: EvaluationOptions(parameterValues: example.parameters, unknownLevel: .warning, ignoreSuppressions: true))
        let findings = evaluator.evaluate(template).findings
        let violations = findings.filter { $0.kind == .violation }
        let unknowns = findings.filter { $0.kind == .unknown }
        let found = { (list: [Finding]) in list.map { place($0.location.position) + ($0.detail.map { " (\($0))" } ?? "") }.joined(separator: ", ") }
        switch example.expectation {
        case .compliant:
            if !violations.isEmpty { return "expected no finding, got violations at \(found(violations))" }
            if !unknowns.isEmpty { return "expected no finding, got unknowns: \(unknowns.map(\.message).joined(separator: "; "))" }
        case .nonCompliant:
            if !unknowns.isEmpty { return "expected violations, got unknowns: \(unknowns.map(\.message).joined(separator: "; "))" }
            if violations.isEmpty { return "expected a violation, got none" }
            if !markers.isEmpty, Set(violations.map(\.location.position)) != Set(markers) {
                return "expected violations at the ↓ markers \(markers.map(place).joined(separator: ", ")), got \(found(violations))"
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
}
