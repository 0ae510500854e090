/// The other way a granular finding id is written for a value that reaches a stack from another stack.
///
/// A nested stack reads its parent's bucket through a parameter (`Ref: referencetoServiceShared2CA94D5EArn`), a
/// stack of the same app through an export (`Fn::ImportValue: Prod-Producer:ExportsOutputFnGetAtt…`). nag writes
/// the id as the template does (`Resource::<referencetoServiceShared2CA94D5EArn>/*`); cdk-nag 2 ran before CDK
/// turned the reference into a parameter or an export and wrote the original resource
/// (`Resource::<SharedDACC02AA.Arn>/*`). A suppression's `applies_to` is matched against both, so the entries a
/// team copied from cdk-nag 2's output keep working; reports keep nag's id.
public struct FindingIdRenderings: Sendable, Equatable {
    /// One substitution: text of nag's id, and what cdk-nag 2 wrote in its place.
    public struct Replacement: Sendable, Equatable {
        public var text: String
        public var original: String

        public init(_ text: String, original: String) {
            self.text = text
            self.original = original
        }
    }

    /// Applied in order, each to the result of the one before.
    public private(set) var replacements: [Replacement]

    public init(_ replacements: [Replacement] = []) {
        self.replacements = replacements.filter { !$0.text.isEmpty && $0.text != $0.original }
    }

    public var isEmpty: Bool { replacements.isEmpty }

    /// `text` as cdk-nag 2 writes it (unchanged when nothing in it came from another stack).
    public func original(of text: String) -> String {
        var result = text
        // replacingAll rejects a text that is not there by its bytes, far cheaper than `contains`.
        for replacement in replacements {
            result = result.replacingAll(replacement.text, with: replacement.original)
        }
        return result
    }

    /// The other rendering of a finding id, nil when it has none.
    public func alternate(of findingId: String) -> String? {
        let other = original(of: findingId)
        return other == findingId ? nil : other
    }

    /// These substitutions, then `other`'s.
    public func followed(by other: FindingIdRenderings) -> FindingIdRenderings {
        // Both are filtered already; the common cases (a stack with no parent, a run with no exports) share one.
        if other.isEmpty { return self }
        if isEmpty { return other }
        return FindingIdRenderings(replacements + other.replacements)
    }
}
