/// Value lookups shared by the compute, storage-and-scaling and networking rules.
enum ComputeValues {
    /// A single value the rule needs as a literal (what cdk-nag's `resolveIfPrimitive` reads): the scalar,
    /// `nil` when the property is not set, or why it is not a literal.
    static func scalar(_ value: Value?, in context: RuleContext) -> Result<Value?, Unresolved> {
        switch context.resolve(value) {
        case .absent: return .success(nil)
        case .unknown(let why): return .failure(why)
        case .resource(let link):
            let what = link.attribute.map { "attribute \($0) of resource \(link.logicalId)" } ?? "resource \(link.logicalId)"
            return .failure(Unresolved("the value is \(what), known only once deployed", at: link.position))
        case .value(let v):
            guard v.scalarText != nil else {
                return .failure(Unresolved("expected a single value, found \(v.kindDescription)", at: v.position))
            }
            return .success(v)
        }
    }

    /// The items of a list property, each resolved; `nil` when the property is not set.
    static func items(_ value: Value?, in context: RuleContext) -> Result<[Resolved], Unresolved>? {
        context.resolver.resolveList(value)
    }

    /// The string a key of `map` resolves to, if it is a literal.
    static func string(_ map: ValueMap?, _ key: String, in context: RuleContext) -> String? {
        context.resolve(map?[key]).string
    }

    /// Where `key` is written in `map`, else `fallback`.
    static func position(of key: String, in map: ValueMap?, else fallback: Position) -> Position {
        map?.entry(key)?.keyPosition ?? fallback
    }

    /// The logical id a value names through Ref or Fn::GetAtt, or the literal string it resolves to
    /// (cdk-nag's `resolveResourceFromIntrinsic`).
    static func resourceName(_ value: Value?, in context: RuleContext) -> String? {
        let resolved = context.resolve(value)
        return resolved.resourceLink?.logicalId ?? resolved.string
    }
}

extension ComputeValues {
    enum Presence {
        case present
        case absent
        case unknown(Unresolved)
    }

    /// Whether a property is set, as cdk-nag's `!= undefined` tests it, but following `Fn::If` to
    /// `AWS::NoValue`: only an undecidable `Fn::If` leaves it unknown (a `Ref` to a parameter is always set).
    static func presence(_ value: Value?, in context: RuleContext) -> Presence {
        guard let value else { return .absent }
        switch context.resolve(value) {
        case .absent: return .absent
        case .value(let v) where v.isNull: return .absent
        case .unknown(let why):
            return mayBeNoValue(value, in: context) ? .unknown(why) : .present
        default: return .present
        }
    }

    /// Whether a value is (or, through a nested `Fn::If`, may become) `Ref: AWS::NoValue`.
    private static func mayBeNoValue(_ value: Value, in context: RuleContext) -> Bool {
        guard let function = value.intrinsicValue else { return false }
        switch function.name {
        case .ref: return function.argument.stringValue == "AWS::NoValue"
        case .if:
            let args = function.arguments
            guard args.count == 3 else { return false }
            return mayBeNoValue(args[1], in: context) || mayBeNoValue(args[2], in: context)
        default: return false
        }
    }
}
