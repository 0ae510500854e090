/// One node of a loaded template, JSON or YAML alike, with the position it was written at.
///
/// Scalars keep the text they were written with: a number is never rounded (account ids, version
/// strings such as `1.10` stay exact). Intrinsic functions (`Ref`, `Fn::GetAtt`, `!Sub` and the
/// rest) are their own case, so the short YAML tags and the long `{"Fn::…": …}` maps load into the
/// same model.
///
/// A value takes 24 bytes: ``Kind`` needs 17 (a string and a tag byte), and the position is packed into the
/// 7 bytes after it (see ``PackedPosition``) rather than taking 8 bytes of its own, which would round the
/// value up to 32. Every map entry, list item and intrinsic argument holds a value, so the saving counts once
/// per node of the document.
public struct Value: Sendable, Equatable {
    public var kind: Kind
    // The position's 56 bits, in the order that lets them fill the bytes after `kind`: a byte, then two, then
    // four (each field aligned to its size). Read and written only through `position`.
    private var packedHigh: UInt8
    private var packedMiddle: UInt16
    private var packedLow: UInt32

    // Inlined: the parsers make hundreds of thousands of values, and a call per value costs more than the packing.
    @inline(__always) public init(_ kind: Kind, at position: Position) {
        self.kind = kind
        let packed = PackedPosition(position)
        packedHigh = packed.high
        packedMiddle = packed.middle
        packedLow = packed.low
    }

    /// Where the value is written. Lines and columns beyond ``PackedPosition/maximum`` (only in files of
    /// hundreds of megabytes) read back as that maximum.
    public var position: Position {
        @inline(__always) get { PackedPosition(high: packedHigh, middle: packedMiddle, low: packedLow).position }
        set {
            let packed = PackedPosition(newValue)
            packedHigh = packed.high
            packedMiddle = packed.middle
            packedLow = packed.low
        }
    }

    /// Only `intrinsic` is indirect: lists and maps already live on the heap, so scalars stay inline.
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A number, exactly as written (`012`, `1.10`, `1e3`).
        case number(String)
        case string(String)
        case list([Value])
        case map(ValueMap)
        indirect case intrinsic(Intrinsic)
    }

    /// Two values are equal when their contents are; positions are ignored.
    public static func == (lhs: Value, rhs: Value) -> Bool { lhs.kind == rhs.kind }
}

extension Value {
    public var isNull: Bool { if case .null = kind { true } else { false } }

    /// The text of a string scalar.
    public var stringValue: String? { if case .string(let s) = kind { s } else { nil } }

    /// The text of any scalar: string, number, or bool (`true` / `false`).
    ///
    /// CloudFormation converts scalars to the type a property expects, so rules comparing
    /// against a literal usually want this rather than ``stringValue``.
    public var scalarText: String? {
        switch kind {
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    public var boolValue: Bool? { if case .bool(let b) = kind { b } else { nil } }
    public var listValue: [Value]? { if case .list(let l) = kind { l } else { nil } }
    public var mapValue: ValueMap? { if case .map(let m) = kind { m } else { nil } }
    public var intrinsicValue: Intrinsic? { if case .intrinsic(let f) = kind { f } else { nil } }

    /// The entry named `key` when this value is a map.
    public subscript(key: String) -> Value? { mapValue?[key] }

    /// A short name for the kind of value, for messages: "a string", "a list", "Fn::If".
    public var kindDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .list: "a list"
        case .map: "a map"
        case .intrinsic(let f): f.name.rawValue
        }
    }
}
