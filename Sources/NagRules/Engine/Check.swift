/// What one of cdk-nag's rule functions tests, independent of the packs that publish it.
///
/// A check is a small value: what it reads and why (its ``CheckAbout``) and a pure evaluation of one
/// resource. Packs publish it as rules (``Rule``), each with its own id and level; the engine evaluates a
/// check once per resource however many selected rules publish it. Related resources come from the graph
/// in the ``RuleContext``, never from scanning the template text.
///
/// ```swift
/// struct S3BucketSSLRequestsOnly: Check {
///     let about = CheckAbout(resourceTypes: ["AWS::S3::Bucket"], cause: "…", explanation: "…", fix: "…",
///                            examples: [.compliant("…"), .nonCompliant("…")])
///     func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome { … }
/// }
/// ```
public protocol Check: Sendable {
    /// The check's name: cdk-nag's function name, and the id suffix the compliance packs publish it under.
    var name: String { get }
    var about: CheckAbout { get }
    /// Decides for one resource whose type is in ``CheckAbout/resourceTypes``.
    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome
}

extension Check {
    /// The type's own name. `_typeName` reads it from the type's metadata; `String(describing:)` would
    /// first look the metatype up in every protocol conformance, a cost paid for each check at start-up.
    public var name: String { _typeName(Self.self, qualified: false) }
}

/// Everything a person needs to know about a check; through its examples it is also the check's test.
public struct CheckAbout: Sendable {
    /// The resource types the check reads; empty means every resource.
    public let resourceTypes: Set<String>
    /// One line: what is wrong when the check fails.
    public let cause: String
    /// Why it matters.
    public let explanation: String
    /// How to comply.
    public let fix: String
    /// Templates that must and must not fail the check.
    public let examples: [RuleExample]

    public init(resourceTypes: Set<String>, cause: String, explanation: String, fix: String,
                examples: [RuleExample] = []) {
        self.resourceTypes = resourceTypes
        self.cause = cause
        self.explanation = explanation
        self.fix = fix
        self.examples = examples
    }
}
