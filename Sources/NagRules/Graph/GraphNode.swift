/// A node of the resource graph: a resource, parameter, condition, output, or pseudo parameter.
///
/// Resources and parameters share one namespace (a `Ref` may name either); conditions and outputs have
/// their own.
public struct GraphNode: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        case resource, parameter, condition, output
        /// `AWS::Region`, `AWS::AccountId` and the other pseudo parameters.
        case pseudoParameter
        /// A name that matches nothing in the template (a dangling reference).
        case missing
    }

    public var kind: Kind
    public var name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public static func resource(_ name: String) -> GraphNode { GraphNode(.resource, name) }
    public static func parameter(_ name: String) -> GraphNode { GraphNode(.parameter, name) }
    public static func condition(_ name: String) -> GraphNode { GraphNode(.condition, name) }
    public static func output(_ name: String) -> GraphNode { GraphNode(.output, name) }

    public var description: String { "\(kind.rawValue) \(name)" }
}

/// An edge of the graph: `source` mentions `target` at `path`, by `kind`.
public struct Reference: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case ref
        case getAtt(attribute: String)
        /// `${Name}` inside `Fn::Sub`.
        case subRef
        /// `${Name.Attribute}` inside `Fn::Sub`.
        case subGetAtt(attribute: String)
        case dependsOn
        /// A `Condition` attribute, an `Fn::If` condition name, or a `Condition` intrinsic.
        case condition

        /// The attribute for GetAtt-like references.
        public var attribute: String? {
            switch self {
            case .getAtt(let a), .subGetAtt(let a): a
            default: nil
            }
        }

        /// A short name: `Ref`, `GetAtt`, `Sub`, `DependsOn`, `Condition`.
        public var label: String {
            switch self {
            case .ref: "Ref"
            case .getAtt(let a): "GetAtt \(a)"
            case .subRef: "Sub"
            case .subGetAtt(let a): "Sub \(a)"
            case .dependsOn: "DependsOn"
            case .condition: "Condition"
            }
        }
    }

    // Stored flat, names and attribute first and the one-byte kinds last: 72 bytes where three nested values
    // (each padded to a multiple of 8) would take 88. A graph keeps every reference of its template.
    private var sourceName: String
    private var targetName: String
    /// The attribute of `getAtt` and `subGetAtt`, empty for the other kinds.
    private var attribute: String
    /// Where in the source the reference is written (`Properties.Bucket`).
    public var path: PropertyPath
    public var position: Position
    private var sourceKind: GraphNode.Kind
    private var targetKind: GraphNode.Kind
    private var kindCase: KindCase

    private enum KindCase: UInt8, Hashable, Sendable {
        case ref, getAtt, subRef, subGetAtt, dependsOn, condition
    }

    init(source: GraphNode, target: GraphNode, kind: Kind, path: PropertyPath, position: Position) {
        sourceName = source.name
        sourceKind = source.kind
        targetName = target.name
        targetKind = target.kind
        (kindCase, attribute) = Self.split(kind)
        self.path = path
        self.position = position
    }

    public var source: GraphNode {
        get { GraphNode(sourceKind, sourceName) }
        set { (sourceKind, sourceName) = (newValue.kind, newValue.name) }
    }

    public var target: GraphNode {
        get { GraphNode(targetKind, targetName) }
        set { (targetKind, targetName) = (newValue.kind, newValue.name) }
    }

    public var kind: Kind {
        get {
            switch kindCase {
            case .ref: .ref
            case .getAtt: .getAtt(attribute: attribute)
            case .subRef: .subRef
            case .subGetAtt: .subGetAtt(attribute: attribute)
            case .dependsOn: .dependsOn
            case .condition: .condition
            }
        }
        set { (kindCase, attribute) = Self.split(newValue) }
    }

    private static func split(_ kind: Kind) -> (KindCase, String) {
        switch kind {
        case .ref: (.ref, "")
        case .getAtt(let attribute): (.getAtt, attribute)
        case .subRef: (.subRef, "")
        case .subGetAtt(let attribute): (.subGetAtt, attribute)
        case .dependsOn: (.dependsOn, "")
        case .condition: (.condition, "")
        }
    }
}
