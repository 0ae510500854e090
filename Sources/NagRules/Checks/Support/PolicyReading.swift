/// How the policy reader takes the values of an IAM-style policy: whether intrinsic functions are evaluated,
/// and what becomes of a part that cannot be known from the template alone.
///
/// The rules that read policies have always differed here, and each keeps its own reading:
/// - ``strict`` (IAM, SQS, SNS, ECR, EventBridge): intrinsics are evaluated, and a statement, action or
///   principal that cannot be resolved makes the whole read fail, so the caller can say why it is unknown.
///   An item of a written list that resolves to a list (`[a, !Ref ListParameter]`) gives its strings.
/// - ``lenient`` (S3): intrinsics are evaluated, and what cannot be resolved is skipped; the rest is read.
///   An item of a written list that resolves to a list gives no strings.
/// - ``asWritten`` (MediaStore's JSON text, OpenSearch's expanded access policy): nothing is evaluated. An
///   intrinsic counts as a part that cannot be known and is skipped, as in ``lenient``, and `false` must be
///   written `false` or `"false"` (no other spelling of the string).
enum PolicyReading: Sendable {
    /// Resolved; a part that cannot be resolved fails the read.
    case strict
    /// Resolved; a part that cannot be resolved is skipped.
    case lenient
    /// Not evaluated; an intrinsic is skipped.
    case asWritten

    /// A value as this reading sees it: resolved through the template, or, as written, the literal itself.
    func read(_ value: Value?, in context: RuleContext) -> Resolved {
        switch self {
        case .strict, .lenient:
            return context.resolve(value)
        case .asWritten:
            guard let value else { return .absent }
            guard value.intrinsicValue == nil else {
                return .unknown(Unresolved("\(value.kindDescription) is read as written here, not evaluated", at: value.position))
            }
            return .value(value)
        }
    }

    /// The value at `keys` inside `value`, each map on the way read in turn (`Condition` → `Bool` → key).
    func read(_ value: Value?, at keys: [String], in context: RuleContext) -> Resolved {
        switch self {
        case .strict, .lenient:
            return context.resolver.resolve(value, at: keys)
        case .asWritten:
            var current = read(value, in: context)
            for key in keys {
                guard case .value(let v) = current else { return current }
                guard let map = v.mapValue else {
                    return .unknown(Unresolved("expected a map holding \(key), found \(v.kindDescription)", at: v.position))
                }
                current = read(map[key], in: context)
            }
            return current
        }
    }

    /// Whether a read value is false: a CloudFormation boolean (`false`, or the string in any case) when
    /// resolved; exactly `false` or `"false"` when read as written.
    func isFalse(_ resolved: Resolved) -> Bool {
        switch self {
        case .strict, .lenient:
            return resolved.bool == false
        case .asWritten:
            guard let value = resolved.value else { return false }
            return value.boolValue == false || value.stringValue == "false"
        }
    }

    /// The items of a value, each read in turn: a list gives its items (those that read as absent or as a
    /// resource dropped), anything else a list of one, absent none. An item that cannot be known fails a
    /// strict read and is skipped by the others.
    func items(_ value: Value?, in context: RuleContext) -> Result<[Value], Unresolved> {
        let values: [Value]
        switch read(value, in: context) {
        case .absent, .resource: return .success([])
        case .unknown(let why): return self == .strict ? .failure(why) : .success([])
        case .value(let v):
            guard let list = v.listValue else { return .success([v]) }
            values = list
        }
        var items: [Value] = []
        for item in values {
            switch read(item, in: context) {
            case .value(let v): items.append(v)
            case .unknown(let why): if self == .strict { return .failure(why) }
            case .absent, .resource: continue
            }
        }
        return .success(items)
    }

    /// The strings a policy field holds (`Action`, a principal's `AWS`), each with the place its item is
    /// written: the items of a written list, or the whole value, read. Non-string items are skipped; see the
    /// cases for what becomes of an item that cannot be known and of one that reads as a list.
    func strings(_ value: Value?, in context: RuleContext) -> Result<[PolicyText], Unresolved> {
        guard let value else { return .success([]) }
        let writtenList = value.listValue
        var strings: [PolicyText] = []
        for item in writtenList ?? [value] {
            switch read(item, in: context) {
            case .value(let v):
                if let list = v.listValue {
                    // A list inside a written list: only the strict reading takes its strings.
                    guard writtenList == nil || self == .strict else { continue }
                    for nested in list {
                        switch read(nested, in: context) {
                        case .value(let n):
                            if let text = n.scalarText { strings.append(PolicyText(text: text, position: item.position)) }
                        case .unknown(let why): if self == .strict { return .failure(why) }
                        case .absent, .resource: continue
                        }
                    }
                } else if let text = v.scalarText {
                    strings.append(PolicyText(text: text, position: item.position))
                }
            case .unknown(let why): if self == .strict { return .failure(why) }
            case .absent, .resource: continue
            }
        }
        return .success(strings)
    }

    /// The items of a value as written, nothing evaluated: a list gives its items, anything else a list of one.
    static func writtenItems(_ value: Value?) -> [Value] {
        guard let value else { return [] }
        return value.listValue ?? [value]
    }
}

/// One string read from a policy field, with the place its item is written (where a finding about it points).
struct PolicyText: Sendable, Equatable {
    let text: String
    let position: Position
}
