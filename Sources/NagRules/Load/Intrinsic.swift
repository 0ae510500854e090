#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A CloudFormation intrinsic function: its name and its single argument, as written.
///
/// Both loaders build intrinsics through ``Intrinsic/init(name:argument:)``, which normalises the
/// forms CloudFormation treats as equal: `Fn::GetAtt: "Db.Endpoint.Address"` and `!GetAtt
/// Db.Endpoint.Address` both become the list `[Db, Endpoint.Address]` (split at the first dot).
public struct Intrinsic: Sendable, Equatable {
    public var name: IntrinsicName
    public var argument: Value

    public init(name: IntrinsicName, argument: Value) {
        self.name = name
        self.argument = name == .getAtt ? Self.normalizedGetAtt(argument) : argument
    }

    private static func normalizedGetAtt(_ argument: Value) -> Value {
        // The dot is found in the UTF-8 view: searching for a Character runs grapheme breaking on every byte.
        guard case .string(let text) = argument.kind,
              let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return argument }
        let resource = String(text[..<dot])
        let attribute = String(text[text.utf8.index(after: dot)...])
        let attributePosition = Position(
            line: argument.position.line,
            column: argument.position.column + resource.unicodeScalars.count + 1)
        return Value(.list([
            Value(.string(resource), at: argument.position),
            Value(.string(attribute), at: attributePosition),
        ]), at: argument.position)
    }

    /// How many references the function writes itself, at most: one for `Ref`, `Fn::GetAtt`, `Condition` and
    /// `Fn::If`, one per `${` in the text of an `Fn::Sub`; those inside its argument are their own functions'.
    /// The loaders add these up (``LoadedDocument/referenceEstimate``) so the graph can size its list of
    /// references before it walks the template.
    var ownReferenceEstimate: Int {
        // Told apart by length first: comparing two different names takes the slow path of String's `==`.
        switch name.rawValue.utf8.count {
        case 3: name == .ref ? 1 : 0
        case 6: name == .if ? 1 : 0
        case 9: name == .condition ? 1 : 0
        case 10: name == .getAtt ? 1 : 0
        case 7: name == .sub ? Self.substitutions(in: argument.stringValue ?? arguments.first?.stringValue) : 0
        default: 0
        }
    }

    /// The number of `${` in `text`, found by `memchr`.
    private static func substitutions(in text: String?) -> Int {
        guard var text else { return 0 }
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var count = 0
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "$")), bytes.count - offset) {
                let dollar = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if dollar + 1 < bytes.count && base[dollar + 1] == UInt8(ascii: "{") { count += 1 }
                offset = dollar + 1
            }
            return count
        }
    }

    /// The list items of the argument, or an empty list when it is not a list.
    public var arguments: [Value] { argument.listValue ?? [] }

    /// For `Ref`: the name referenced.
    public var refTarget: String? { name == .ref ? argument.stringValue : nil }

    /// For `Fn::GetAtt`: the resource and the attribute (which may contain dots, or be an intrinsic).
    public var getAttTarget: (resource: String, attribute: Value)? {
        guard name == .getAtt, let items = argument.listValue, items.count == 2,
              let resource = items[0].stringValue else { return nil }
        return (resource, items[1])
    }
}

/// The name of an intrinsic function, as CloudFormation spells it in the long form (`Fn::Join`).
public struct IntrinsicName: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let ref = IntrinsicName(rawValue: "Ref")
    public static let condition = IntrinsicName(rawValue: "Condition")
    public static let getAtt = IntrinsicName(rawValue: "Fn::GetAtt")
    public static let sub = IntrinsicName(rawValue: "Fn::Sub")
    public static let join = IntrinsicName(rawValue: "Fn::Join")
    public static let select = IntrinsicName(rawValue: "Fn::Select")
    public static let split = IntrinsicName(rawValue: "Fn::Split")
    public static let `if` = IntrinsicName(rawValue: "Fn::If")
    public static let equals = IntrinsicName(rawValue: "Fn::Equals")
    public static let and = IntrinsicName(rawValue: "Fn::And")
    public static let or = IntrinsicName(rawValue: "Fn::Or")
    public static let not = IntrinsicName(rawValue: "Fn::Not")
    public static let findInMap = IntrinsicName(rawValue: "Fn::FindInMap")
    public static let base64 = IntrinsicName(rawValue: "Fn::Base64")
    public static let cidr = IntrinsicName(rawValue: "Fn::Cidr")
    public static let getAZs = IntrinsicName(rawValue: "Fn::GetAZs")
    public static let importValue = IntrinsicName(rawValue: "Fn::ImportValue")
    public static let transform = IntrinsicName(rawValue: "Fn::Transform")
    public static let toJsonString = IntrinsicName(rawValue: "Fn::ToJsonString")
    public static let length = IntrinsicName(rawValue: "Fn::Length")

    /// The short-form YAML tags CloudFormation accepts, without the `!`.
    static let shortForms: [String: IntrinsicName] = {
        var forms: [String: IntrinsicName] = ["Ref": .ref, "Condition": .condition]
        for name in ["GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not",
                     "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform",
                     "ToJsonString", "Length", "Contains", "EachMemberEquals", "EachMemberIn",
                     "RefAll", "ValueOf", "ValueOfAll"] {
            forms[name] = IntrinsicName(rawValue: "Fn::" + name)
        }
        return forms
    }()

    /// The intrinsic a YAML tag such as `!GetAtt` stands for, or nil for a tag CloudFormation does not know.
    public init?(yamlTag tag: String) {
        let bare = tag.hasPrefix("!") ? String(tag.dropFirst()) : tag
        guard let name = Self.shortForms[bare] else { return nil }
        self = name
    }

    /// Whether a single-key map with this key is an intrinsic function call in the long form.
    ///
    /// `Fn::ForEach::Name` keys are not: they are language-extension loops inside a section.
    static func isLongForm(_ key: String) -> Bool {
        if key == "Ref" { return true }
        // Only a key whose first byte is `F` can start with `Fn::` (no other spelling is canonically equal to `F`);
        // the byte is read before `hasPrefix`, which compares by characters and costs far more.
        return key.utf8.first == UInt8(ascii: "F") && key.hasPrefix("Fn::") && !isForEachLoop(key)
    }

    /// Whether `key` names a language-extension loop (`Fn::ForEach::Name`).
    static func isForEachLoop(_ key: String) -> Bool {
        key.utf8.first == UInt8(ascii: "F") && key.hasPrefix("Fn::ForEach::")
    }
}

/// What the only key of a one-entry map makes of it: an intrinsic function, a `Condition` (an intrinsic when
/// its argument is a string), or a plain map.
enum SingleKeyMeaning: Sendable, Equatable {
    case plain
    case condition
    case intrinsic(IntrinsicName)

    init(key: String) {
        if IntrinsicName.isLongForm(key) {
            self = .intrinsic(IntrinsicName(rawValue: key))
        } else if key == "Condition" {
            self = .condition
        } else {
            self = .plain
        }
    }

    /// The intrinsic a one-entry map with this key and `argument` is, or nil when it is a plain map.
    func intrinsic(argument: Value) -> Intrinsic? {
        switch self {
        case .plain: nil
        case .condition: argument.stringValue == nil ? nil : Intrinsic(name: .condition, argument: argument)
        case .intrinsic(let name): Intrinsic(name: name, argument: argument)
        }
    }
}

extension Value {
    /// Builds a map value, turning a single `Ref` / `Fn::*` / `Condition` entry into an intrinsic.
    ///
    /// `{"Condition": "IsProd"}` is an intrinsic only when its argument is a string: an IAM statement's
    /// `Condition` block is a map and stays one.
    public static func map(_ entries: [ValueMap.Entry], at position: Position) -> Value {
        var references = 0
        return map(entries, at: position, referenceEstimate: &references)
    }

    /// Builds a map value as ``map(_:at:)`` does, adding the references of the intrinsic it makes, if it makes
    /// one, to `referenceEstimate` (``Intrinsic/ownReferenceEstimate``).
    @inline(__always)
    static func map(_ entries: [ValueMap.Entry], at position: Position, referenceEstimate: inout Int) -> Value {
        if entries.count == 1, let intrinsic = SingleKeyMeaning(key: entries[0].key).intrinsic(argument: entries[0].value) {
            return .intrinsic(intrinsic, at: position, countingInto: &referenceEstimate)
        }
        return Value(.map(ValueMap(entries)), at: position)
    }

    /// The value of an intrinsic function, its references (``Intrinsic/ownReferenceEstimate``) added to
    /// `referenceEstimate`. The loaders make every intrinsic through here, so none goes uncounted.
    @inline(__always)
    static func intrinsic(_ intrinsic: Intrinsic, at position: Position, countingInto referenceEstimate: inout Int) -> Value {
        referenceEstimate += intrinsic.ownReferenceEstimate
        return Value(.intrinsic(intrinsic), at: position)
    }
}
