/// One statement of an IAM-style policy (`Effect`, `Principal`, `Action`, `Resource`, `Condition`), read
/// the way its rule reads policies (see ``PolicyReading``).
///
/// ```swift
/// let statement = PolicyStatement(map, reading: .strict)
/// if statement.effect(in: context).string == "Allow", statement.principalIsEveryone(in: context) { … }
/// ```
struct PolicyStatement: Sendable {
    /// The statement's fields as written.
    let fields: ValueMap
    let reading: PolicyReading

    init(_ fields: ValueMap, reading: PolicyReading) {
        self.fields = fields
        self.reading = reading
    }

    /// A field as written, nothing evaluated.
    subscript(field: String) -> Value? { fields[field] }

    /// A field as the reading sees it (resolved, or as written).
    func read(_ field: String, in context: RuleContext) -> Resolved {
        reading.read(fields[field], in: context)
    }

    /// The statement's `Effect`: compare its `string` with `Allow` or `Deny`.
    func effect(in context: RuleContext) -> Resolved {
        read("Effect", in: context)
    }

    /// A field as a list of strings (a single string counts as a list of one), each with where it is written.
    /// Only a ``PolicyReading/strict`` reading fails, when an item cannot be resolved.
    func strings(_ field: String, in context: RuleContext) -> Result<[PolicyText], Unresolved> {
        reading.strings(fields[field], in: context)
    }

    /// The items of a field as written (a list's items, or the value itself), nothing evaluated.
    func writtenItems(of field: String) -> [Value] {
        PolicyReading.writtenItems(fields[field])
    }
}

extension PolicyStatement {
    /// Whether the principal is everyone: `*`, or `*` among the `AWS` principals (`{AWS: "*"}`).
    /// Under a strict reading, `AWS` principals that cannot all be resolved are not everyone.
    func principalIsEveryone(in context: RuleContext) -> Bool {
        let principal = read("Principal", in: context)
        if principal.string == "*" { return true }
        guard case .success(let accounts) = reading.strings(principal.map?["AWS"], in: context) else { return false }
        return accounts.contains { $0.text == "*" }
    }

    /// Whether the principal as written contains a `*` anywhere (cdk-nag's
    /// `JSON.stringify(statement.Principal).includes('*')`, intrinsics in their long form, nothing evaluated).
    var principalMentionsWildcard: Bool {
        CdkNagText.stringify(fields["Principal"]).contains("*")
    }

    /// The principal with its intrinsics evaluated, as text: a scalar's text, or the texts of a list's items
    /// or a map's values, joined with commas. Fails when a part cannot be resolved.
    func principalText(in context: RuleContext) -> Result<String, Unresolved> {
        text(of: fields["Principal"], in: context)
    }

    private func text(of value: Value?, in context: RuleContext) -> Result<String, Unresolved> {
        switch reading.read(value, in: context) {
        case .unknown(let why): return .failure(why)
        case .resource, .absent: return .success("")
        case .value(let v):
            if let text = v.scalarText { return .success(text) }
            var parts: [String] = []
            for child in v.listValue ?? v.mapValue?.entries.map(\.value) ?? [] {
                switch text(of: child, in: context) {
                case .success(let text): parts.append(text)
                case .failure(let why): return .failure(why)
                }
            }
            return .success(parts.joined(separator: ","))
        }
    }
}

extension PolicyStatement {
    /// Whether this is the statement that refuses plain HTTP: `Effect: Deny`, an `Action` among `actions`,
    /// every principal (``principalIsEveryone(in:)``), and `Condition: {Bool: {aws:SecureTransport: false}}`.
    ///
    /// `actions` holds lower-case action names (`["*", "sqs:*"]`); the statement's actions are compared in
    /// lower case. Which resources the statement names is the caller's test (S3 wants the bucket and its
    /// objects). Under a strict reading, actions that cannot all be resolved do not match.
    func deniesRequestsWithoutTLS(forAnyOf actions: Set<String>, in context: RuleContext) -> Bool {
        guard effect(in: context).string == "Deny" else { return false }
        guard case .success(let written) = strings("Action", in: context),
              written.contains(where: { actions.contains($0.text.lowercased()) }) else { return false }
        guard principalIsEveryone(in: context) else { return false }
        return reading.isFalse(reading.read(fields["Condition"], at: ["Bool", "aws:SecureTransport"], in: context))
    }
}
