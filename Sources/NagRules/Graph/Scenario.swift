/// The parameter values under which a finding holds: the deployer's choices it depends on, and the
/// defaults nag assumed.
///
/// ```
/// Encrypted is false when Encrypt=false
/// RetentionInDays is 1 when LogRetentionDays is one of 1, 3, 5
/// ```
public struct Scenario: Sendable, Hashable {
    /// One parameter and the values it takes (the finding holds for each of them).
    public struct Choice: Sendable, Hashable {
        public var parameter: String
        public var values: [String]

        public init(_ parameter: String, _ value: String) {
            self.init(parameter, values: [value])
        }

        public init(_ parameter: String, values: [String]) {
            self.parameter = parameter
            self.values = values
        }

        /// The first value: the one the finding's position and detail were taken from.
        public var value: String { values.first ?? "" }

        /// `Encrypt=false`, or `Days is one of 1, 3, 5` (past six values, the first five and how many more).
        public var description: String {
            if values.count == 1 { return "\(parameter)=\(value)" }
            let shown = values.count > 6 ? values.prefix(5).joined(separator: ", ") + " and \(values.count - 5) more" : values.joined(separator: ", ")
            return "\(parameter) is one of \(shown)"
        }
    }

    /// Values of variable parameters (those with `AllowedValues`): the finding holds when a deployer chooses
    /// them. Empty when it holds whatever they choose.
    public var choices: [Choice]
    /// Parameters without `AllowedValues` that the finding read, decided by their `Default`.
    public var assumedDefaults: [Choice]

    public init(choices: [Choice] = [], assumedDefaults: [Choice] = []) {
        self.choices = choices
        self.assumedDefaults = assumedDefaults
    }

    public var isEmpty: Bool { choices.isEmpty && assumedDefaults.isEmpty }

    /// The choices alone, `Encrypt=false and Size is one of 1, 2`; nil when the finding holds whatever is chosen.
    public var condition: String? {
        choices.isEmpty ? nil : choices.map(\.description).joined(separator: " and ")
    }

    /// `when Encrypt=false and Size is one of 1, 2; assuming Env=prod (its Default)`.
    public var description: String {
        var parts: [String] = []
        if let condition { parts.append("when " + condition) }
        if !assumedDefaults.isEmpty {
            let names = assumedDefaults.map(\.description).joined(separator: ", ")
            parts.append("assuming \(names) (\(assumedDefaults.count == 1 ? "its Default" : "their Defaults"))")
        }
        return parts.joined(separator: "; ")
    }
}
