/// An IAM-style policy document (`{Version, Statement}`) as a rule reads it: written as a map, or given as
/// JSON text, which CloudFormation also accepts (often an `Fn::Sub` or `Fn::Join` that resolves to text).
///
/// One reader serves the IAM, S3, SQS, SNS and MediaStore rules; each reads with its own
/// ``PolicyReading``, which decides what becomes of a statement that cannot be resolved.
///
/// ```swift
/// guard case .success(let document?) = PolicyDocument.read(policy[property: "PolicyDocument"], reading: .strict, in: context)
/// else { return false }
/// return document.deniesRequestsWithoutTLS(forAnyOf: ["*", "sqs:*"], in: context)
/// ```
struct PolicyDocument: Sendable {
    /// The document's top-level fields as written (positions inside JSON text are those of the text).
    let fields: ValueMap
    let reading: PolicyReading

    init(_ fields: ValueMap, reading: PolicyReading) {
        self.fields = fields
        self.reading = reading
    }

    /// The document a property holds: a map, or JSON text parsed. `nil` when it is absent, a resource, or
    /// neither a map nor text; fails when it cannot be resolved or its text is not JSON.
    static func read(_ value: Value?, reading: PolicyReading, in context: RuleContext) -> Result<PolicyDocument?, Unresolved> {
        switch reading.read(value, in: context) {
        case .unknown(let why): return .failure(why)
        case .absent, .resource: return .success(nil)
        case .value(let v):
            if let map = v.mapValue { return .success(PolicyDocument(map, reading: reading)) }
            guard let text = v.stringValue else { return .success(nil) }
            return parse(text, at: v.position, reading: reading)
        }
    }

    /// The document in JSON `text`, every parsed value placed at `position` (where the text is written), so
    /// findings point into the template. `nil` when the JSON is not an object; fails when it is not JSON.
    static func parse(_ text: String, at position: Position, reading: PolicyReading) -> Result<PolicyDocument?, Unresolved> {
        guard let parsed = try? Array(text.utf8).withUnsafeBytes({ try JSONParser.parse($0) }) else {
            return .failure(Unresolved("the policy document is text that is not JSON", at: position))
        }
        return .success(relocated(parsed, to: position).mapValue.map { PolicyDocument($0, reading: reading) })
    }

    private static func relocated(_ value: Value, to position: Position) -> Value {
        switch value.kind {
        case .list(let items): return Value(.list(items.map { relocated($0, to: position) }), at: position)
        case .map(let map):
            return Value(.map(ValueMap(map.entries.map {
                ValueMap.Entry(key: $0.key, keyPosition: position, value: relocated($0.value, to: position))
            })), at: position)
        default: return Value(value.kind, at: position)
        }
    }

    /// The document's statements (a single statement map counts as a list of one; items that are not maps
    /// are skipped). Only a ``PolicyReading/strict`` reading fails, when a statement cannot be resolved.
    func statements(in context: RuleContext) -> Result<[PolicyStatement], Unresolved> {
        reading.items(fields["Statement"], in: context).map { items in
            items.compactMap { $0.mapValue.map { PolicyStatement($0, reading: reading) } }
        }
    }

    /// Whether a statement passes `test`; a document whose statements cannot all be read has none that does.
    func containsStatement(in context: RuleContext, where test: (PolicyStatement) -> Bool) -> Bool {
        guard case .success(let statements) = statements(in: context) else { return false }
        return statements.contains(where: test)
    }

    /// Whether a statement refuses plain HTTP for `actions` (``PolicyStatement/deniesRequestsWithoutTLS(forAnyOf:in:)``).
    func deniesRequestsWithoutTLS(forAnyOf actions: Set<String>, in context: RuleContext) -> Bool {
        containsStatement(in: context) { $0.deniesRequestsWithoutTLS(forAnyOf: actions, in: context) }
    }
}
