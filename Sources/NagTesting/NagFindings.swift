import NagRules

#if canImport(Testing)
import Testing
#endif

/// The findings that would fail a `nag` gate on a template, for assertions in tests.
///
/// With Swift Testing:
/// ```swift
/// @Test func stackIsClean() throws {
///     let findings = try nagFindings(templateAt: "stack/service.yaml")
///     #expect(findings.isEmpty)   // on failure, lists each finding with file:line:col and rule id
/// }
/// ```
public struct NagFindings: Sendable, Collection, CustomStringConvertible {
    /// Unsuppressed findings at or above the fail level, in report order.
    public let findings: [Finding]
    /// Load errors and shape problems: a template that does not load is never clean.
    public let loadErrors: [LoadDiagnostic]

    public init(findings: [Finding], loadErrors: [LoadDiagnostic]) {
        self.findings = findings
        self.loadErrors = loadErrors
    }

    public var startIndex: Int { 0 }
    /// Load errors count as entries, so `isEmpty` is false for a template that does not load.
    public var endIndex: Int { findings.count + loadErrors.count }
    public func index(after i: Int) -> Int { i + 1 }

    /// Each entry as one line: `file:line:col: level Rule-Id Resource: message`.
    public subscript(position: Int) -> String {
        position < loadErrors.count ? loadErrors[position].description : Self.line(findings[position - loadErrors.count])
    }

    public var description: String {
        guard !isEmpty else { return "no findings" }
        return "\(count) finding\(count == 1 ? "" : "s"):\n" + map { "  " + $0 }.joined(separator: "\n")
    }

    static func line(_ finding: Finding) -> String {
        var text = "\(finding.location): \(finding.level.rawValue) \(finding.qualifiedRuleId) \(finding.resource.logicalId): \(finding.message)"
        if let detail = finding.detail { text += " (\(detail))" }
        return text
    }
}

#if canImport(Testing)
extension NagFindings: CustomTestStringConvertible {
    public var testDescription: String { description }
}
#endif

/// Runs nag on one template and returns the unsuppressed findings at or above `failOn`.
///
/// - Parameters:
///   - path: The template file (JSON or YAML).
///   - packs: The packs to run (default: the packs `nag` runs by default).
///   - failOn: The lowest level that counts (default: errors only).
///   - parameters: Template parameter values, as `--parameters` gives them.
public func nagFindings(templateAt path: String, packs: [String] = BuiltInPacks.defaultNames,
                        failOn: RuleLevel = .error, parameters: [String: String] = [:]) throws -> NagFindings {
    let linter = Linter(selection: RuleSelection(packNames: packs),
                        options: EvaluationOptions(parameterValues: parameters))
    let report = try linter.run([.file(path)])
    let open = report.findings.filter { !$0.isSuppressed && $0.level >= failOn }
    let errors = report.diagnostics.filter { $0.severity == .error }
    return NagFindings(findings: open, loadErrors: errors)
}
