/// What a value comes to once its intrinsic functions are evaluated as far as the template allows.
public enum Resolved: Sendable, Equatable {
    /// A literal: scalar, list or map (nested values may still be intrinsics; resolve them in turn).
    case value(Value)
    /// A `Ref` or `Fn::GetAtt` to a resource of the template (attribute nil for `Ref`).
    case resource(ResourceLink)
    /// Not set: the property is missing, or it is `Ref: AWS::NoValue`.
    case absent
    /// Cannot be known from the template alone, with the reason and where the unknown part is written.
    case unknown(Unresolved)

    /// The literal value, if resolved to one.
    public var value: Value? { if case .value(let v) = self { v } else { nil } }

    /// The text of a resolved scalar (string, number or bool).
    public var string: String? { value?.scalarText }

    /// A resolved boolean, accepting the strings `true` / `false` in any case as CloudFormation does.
    public var bool: Bool? {
        guard let value else { return nil }
        if let b = value.boolValue { return b }
        switch value.stringValue?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// A resolved number (from a number or a numeric string).
    public var number: Double? { value?.scalarText.flatMap(Double.init) }

    public var list: [Value]? { value?.listValue }
    public var map: ValueMap? { value?.mapValue }

    public var resourceLink: ResourceLink? { if case .resource(let link) = self { link } else { nil } }
    public var unresolved: Unresolved? { if case .unknown(let u) = self { u } else { nil } }

    public var isAbsent: Bool { self == .absent }
    public var isUnknown: Bool { unresolved != nil }
}

/// A reference to a resource in the template, as a rule can follow it.
public struct ResourceLink: Sendable, Hashable {
    public var logicalId: String
    /// The attribute of `Fn::GetAtt`, or nil for `Ref`.
    public var attribute: String?
    public var position: Position
}

/// Why a value cannot be resolved, and where.
public struct Unresolved: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var position: Position

    public init(_ reason: String, at position: Position) {
        self.reason = reason
        self.position = position
    }

    public var description: String { reason }
}
