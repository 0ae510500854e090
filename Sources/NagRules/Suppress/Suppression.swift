/// One entry of `Metadata.cdk_nag.rules_to_suppress`, read from a resource or from the template's top level.
public struct Suppression: Sendable {
    /// The rule id, with any `Namespace::` qualifier and `[finding]` suffix taken off.
    public var ruleId: String
    /// The namespace written before `::` (`annotation` in CDK's acknowledgements, `CloudFormation-Validate` for
    /// another tool's rule), nil when there is none.
    public var namespace: String? = nil
    /// The reason, decoded when `is_reason_encoded` is set; nil when missing.
    public var reason: String?
    /// Which granular findings it covers; nil covers every finding of the rule.
    public var appliesTo: [FindingPattern]?
    /// Where the entry is written.
    public var position: Position
    public var scope: SuppressionScope
    /// The resource the entry sits on (nil at template level).
    public var owner: String?
    /// The last day the entry suppresses (`expires: YYYY-MM-DD`, nag's extension); nil never expires.
    public var expires: CalendarDate? = nil

    /// How many days before its expiry a suppression is reported as expiring (Nag-SUP5).
    public static let expiryWarningDays = 30

    /// Reasons shorter than this are rejected, as cdk-nag rejects them.
    public static let minimumReasonLength = 10

    /// Whether the reason is long enough to silence error-level findings.
    public var hasValidReason: Bool { (reason?.count ?? 0) >= Self.minimumReasonLength }

    /// The pseudo rule id cdk-nag uses to suppress rules that could not be validated.
    public static let validationFailureId = "CdkNagValidationFailure"
}

/// An `applies_to` item: an exact finding id, or `{"regex": "/pattern/flags"}`.
public struct FindingPattern: Sendable {
    public enum Matcher: Sendable {
        case exact(String)
        case regex(source: String, pattern: String, caseInsensitive: Bool, multiline: Bool, dotAll: Bool)
    }

    public var matcher: Matcher
    public var position: Position

    public func matches(_ findingId: String) -> Bool {
        switch matcher {
        case .exact(let text):
            return text == findingId
        case .regex(_, let pattern, let caseInsensitive, let multiline, let dotAll):
            guard var regex = try? Regex(pattern) else { return false }
            regex = regex.ignoresCase(caseInsensitive).anchorsMatchLineEndings(multiline).dotMatchesNewlines(dotAll)
            return (try? regex.firstMatch(in: findingId)) != nil
        }
    }

    /// Parses `/pattern/flags` (JavaScript's notation, which cdk-nag uses); a bare pattern is accepted too.
    static func regex(_ source: String, at position: Position) -> Result<FindingPattern, SuppressionProblem> {
        var pattern = source
        var flags = ""
        if source.hasPrefix("/"), let close = source.lastIndex(of: "/"), close != source.startIndex {
            pattern = String(source[source.index(after: source.startIndex)..<close])
            flags = String(source[source.index(after: close)...])
        }
        if let bad = flags.first(where: { !"gimsuy".contains($0) }) {
            return .failure(.init(kind: .malformed, message: "applies_to regex \(source) has an unknown flag '\(bad)'", position: position))
        }
        do {
            _ = try Regex(pattern)
        } catch {
            return .failure(.init(kind: .malformed, message: "applies_to regex \(source) does not compile: \(error)", position: position))
        }
        return .success(FindingPattern(
            matcher: .regex(source: source, pattern: pattern, caseInsensitive: flags.contains("i"),
                            multiline: flags.contains("m"), dotAll: flags.contains("s")),
            position: position))
    }

    /// How the pattern is written, for reports.
    public var text: String {
        switch matcher {
        case .exact(let s): s
        case .regex(let source, _, _, _, _): source
        }
    }
}

/// Something wrong with a suppression itself.
public struct SuppressionProblem: Error, Sendable {
    public enum Kind: Sendable {
        case shortReason, malformed, unknownRule, unused, expiring
    }

    public var kind: Kind
    public var message: String
    public var position: Position
}
