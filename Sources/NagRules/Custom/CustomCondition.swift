/// A condition of a custom rule, as read from a pack file. It is evaluated with three outcomes (holds, fails,
/// cannot be decided), combining like SQL's: `all` fails if any part fails, else is undecided if any part is.
package indirect enum CustomCondition: Sendable {
    /// Every condition holds (true when empty).
    case all([CustomCondition])
    /// At least one condition holds.
    case any([CustomCondition])
    case not(CustomCondition)
    /// Tests on the value(s) a path reads.
    case value(ValueCondition)
    /// A condition on the values a fan-out path reads, each tested with a nested condition.
    case each(ScopeCondition)
    /// A condition on resources this one references or that reference it.
    case related(RelationCondition)
}

/// How many of several values (list items, related resources) must satisfy a condition.
package enum Quantifier: String, Sendable, CaseIterable {
    /// Every one (true when there are none).
    case all
    /// At least one.
    case any
    /// Not one (true when there are none).
    case none
}

/// `{path: P, quantifier: Q, equals: …, …}`: every test must hold for the value at the path; a path with
/// `[*]` or a filter reads several values, combined by the quantifier.
package struct ValueCondition: Sendable {
    package var path: CustomPath
    package var quantifier: Quantifier
    package var tests: [ValueTest]
}

/// `{path: P, quantifier: Q, assert: C}`: the nested condition `C` is evaluated on each value the path reads,
/// with paths in `C` starting at that value.
package struct ScopeCondition: Sendable {
    package var path: CustomPath
    package var quantifier: Quantifier
    package var condition: CustomCondition
}

/// `{referenced: {…}}` or `{referencedBy: {…}}`.
package struct RelationCondition: Sendable {
    package enum Direction: String, Sendable {
        /// Resources this resource references (Ref, Fn::GetAtt, Fn::Sub) in its properties.
        case referenced
        /// Resources that reference this resource in their properties.
        case referencedBy
    }

    package var direction: Direction
    /// Only related resources of these types (empty: any type).
    package var types: Set<String>
    /// Only references written under this path (of this resource for `referenced`, of the other
    /// resource for `referencedBy`); `[*]` matches any list index.
    package var via: CustomPath?
    package var quantifier: Quantifier
    /// What each related resource must satisfy; nil counts every related resource.
    package var condition: CustomCondition?
}

/// One test on one value.
package enum ValueTest: Sendable {
    /// `exists: true` (or `absent: false`): the value is set. `exists: false` / `absent: true`: it is not.
    case exists(Bool)
    /// Equal, comparing scalars as text as CloudFormation does (`true` equals `"true"`, `1` equals `"1"`),
    /// numbers numerically and lists and maps by content.
    case equals(Value)
    case notEquals(Value)
    case oneOf([Value])
    /// The whole text of a scalar matches the regular expression.
    case matches(CustomPattern)
    /// A list holds an item equal to the value, a string holds it as a substring, or a map has it as a key.
    case contains(Value)
    case compare(Comparison, Double)

    package enum Comparison: String, Sendable, CaseIterable {
        case greaterThan, lessThan, atLeast, atMost

        func holds(_ a: Double, _ b: Double) -> Bool {
            switch self {
            case .greaterThan: a > b
            case .lessThan: a < b
            case .atLeast: a >= b
            case .atMost: a <= b
            }
        }

        var phrase: String {
            switch self {
            case .greaterThan: "greater than"
            case .lessThan: "less than"
            case .atLeast: "at least"
            case .atMost: "at most"
            }
        }
    }
}

/// A regular expression of a `matches` test, checked when the pack is loaded.
///
/// Only the source is kept (`Regex` is not `Sendable`); it is compiled where it is used.
package struct CustomPattern: Sendable {
    package let source: String

    init(_ source: String) throws {
        _ = try Regex(source)
        self.source = source
    }

    func wholeMatches(_ text: String) -> Bool {
        guard let regex = try? Regex(source) else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }
}
