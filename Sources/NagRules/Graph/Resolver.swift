/// Evaluates intrinsic functions against a template and the parameter values a user supplies.
///
/// - `Ref` to a parameter gives the supplied value, else the scenario's choice for a variable parameter
///   (``ParameterSpace``), else the parameter's `Default`, else unknown. Reads of variable and assumed
///   parameters are noted, so the evaluator can tell which choices an outcome depends on.
/// - Pseudo parameters: `AWS::NoValue` removes the property; `AWS::Partition` is `aws` and
///   `AWS::URLSuffix` `amazonaws.com`; the rest (region, account, stack) are unknown.
/// - `Fn::If` follows conditions that can be decided; `Fn::FindInMap`, `Fn::Join`, `Fn::Select`,
///   `Fn::Split`, `Fn::Sub`, `Fn::Base64` and `Fn::Length` resolve when their parts do.
/// - `Ref` / `Fn::GetAtt` to a resource resolve to a ``ResourceLink`` the rule can follow.
///
/// Hostile templates stay cheap: each condition is decided once per resolver (a condition that refers back
/// to itself is a cycle, not a recursion), each `Fn::Sub` variable is resolved once per `Fn::Sub`, one
/// resolution does at most ``workLimit`` steps, and no resolved string grows past ``maxStringLength``; past a
/// bound the answer is `unknown`, with the reason.
public struct Resolver: Sendable {
    public let template: Template
    /// Parameter values given on the command line (`--parameters Key=Value`).
    public let parameterValues: [String: String]
    /// Parameters given a value that is known only once deployed (a parent stack passing a reference to one of
    /// its resources): what is passed, in words that complete "which is passed …". Their `Default` does not apply.
    public let undecidedParameters: [String: String]
    /// The parameters left open to the deployer, and those decided by their `Default` (``ParameterSpace/none``:
    /// none, and nothing is noted).
    public let space: ParameterSpace
    /// The value chosen for each variable parameter this resolver decides with; the others take their
    /// provisional value (``ParameterSpace/Domain/provisional``).
    public let scenario: [String: String]
    let conditions = ConditionMemo()
    let reads = ParameterReadLog()

    /// How deep resolution may recurse (parameters referring to conditions referring to parameters …): a
    /// chain of a hundred conditions, each naming the previous one, fits.
    static let maxDepth = 256
    /// Most intrinsic functions one resolution evaluates.
    static let workLimit = 100_000
    /// Longest string `Fn::Sub` or `Fn::Join` may build, in UTF-8 bytes (CloudFormation's own template limit is 1 MB).
    static let maxStringLength = 1 << 20

    public init(template: Template, parameterValues: [String: String] = [:], undecidedParameters: [String: String] = [:],
                space: ParameterSpace = .none, scenario: [String: String] = [:]) {
        self.template = template
        self.parameterValues = parameterValues
        self.undecidedParameters = undecidedParameters
        self.space = space
        self.scenario = scenario
    }

    /// The same template and supplied values, deciding variable parameters with `scenario`.
    public func with(scenario: [String: String]) -> Resolver {
        Resolver(template: template, parameterValues: parameterValues, undecidedParameters: undecidedParameters,
                 space: space, scenario: scenario)
    }

    /// Empties the log of parameters read and returns it (the evaluator calls this around each check).
    public func takeParameterReads() -> ParameterReadSet { reads.take() }

    /// Resolves `value`; a missing value is ``Resolved/absent``.
    public func resolve(_ value: Value?) -> Resolved {
        guard let value else { return .absent }
        return resolve(value, trail: Trail())
    }

    /// Resolves each key in turn: `resolve(properties["A"], at: "B", "C")` is `A.B.C`.
    public func resolve(_ value: Value?, at keys: String...) -> Resolved {
        resolve(value, at: keys)
    }

    public func resolve(_ value: Value?, at keys: [String]) -> Resolved {
        var current = resolve(value)
        for key in keys {
            switch current {
            case .value(let v):
                guard let map = v.mapValue else {
                    return .unknown(Unresolved("expected a map holding \(key), found \(v.kindDescription)", at: v.position))
                }
                current = resolve(map[key])
            case .absent, .unknown:
                return current
            case .resource(let link):
                return .unknown(Unresolved("\(key) is read from resource \(link.logicalId), which is not a literal", at: link.position))
            }
        }
        return current
    }

    /// Resolves a list and each of its items; items that resolve to absent are dropped.
    public func resolveList(_ value: Value?) -> Result<[Resolved], Unresolved>? {
        switch resolve(value) {
        case .absent: return nil
        case .unknown(let why): return .failure(why)
        case .resource(let link):
            return .failure(Unresolved("expected a list, found a reference to \(link.logicalId)", at: link.position))
        case .value(let v):
            guard let items = v.listValue else { return .success([.value(v)]) }
            return .success(items.map { resolve($0) }.filter { !$0.isAbsent })
        }
    }

    // MARK: - Intrinsics

    func resolve(_ value: Value, trail: Trail) -> Resolved {
        guard case .intrinsic(let function) = value.kind else { return .value(value) }
        guard trail.depth < Self.maxDepth else {
            trail.work.cutShort()
            return .unknown(Unresolved("resolution nests more than \(Self.maxDepth) levels (a cycle?)", at: value.position))
        }
        guard trail.work.spend() else {
            return .unknown(Unresolved("resolving this value takes more than \(Self.workLimit) steps; nag stops there", at: value.position))
        }
        let position = value.position
        switch function.name {
        case .ref: return resolveRef(function.argument, at: position, trail: trail)
        case .getAtt: return resolveGetAtt(function, at: position, trail: trail)
        case .sub: return resolveSub(function.argument, at: position, trail: trail)
        case .join: return resolveJoin(function.argument, at: position, trail: trail)
        case .select: return resolveSelect(function.argument, at: position, trail: trail)
        case .split: return resolveSplit(function.argument, at: position, trail: trail)
        case .if: return resolveIf(function.argument, at: position, trail: trail)
        case .findInMap: return resolveFindInMap(function.argument, at: position, trail: trail)
        case .base64:
            let inner = resolve(function.argument, trail: trail.deeper)
            guard let text = inner.string else { return inner.isKnownNonScalar ? .unknown(Unresolved("Fn::Base64 needs a string", at: position)) : inner }
            return .value(Value(.string(Base64.encode(Array(text.utf8))), at: position))
        case .length:
            switch resolveItems(function.argument, at: position, trail: trail) {
            case .success(let items): return .value(Value(.number(String(items.count)), at: position))
            case .failure(let why): return .unknown(why)
            }
        case .equals, .and, .or, .not, .condition:
            switch evaluateCondition(value, trail: trail) {
            case .success(let truth): return .value(Value(.bool(truth), at: position))
            case .failure(let why): return .unknown(why)
            }
        case .getAZs:
            return .unknown(Unresolved("Fn::GetAZs lists the region's availability zones, known only at deploy time", at: position))
        case .importValue:
            return .unknown(Unresolved("Fn::ImportValue reads a value exported by another stack", at: position))
        default:
            return .unknown(Unresolved("\(function.name) is not evaluated by nag", at: position))
        }
    }

    private func resolveGetAtt(_ function: Intrinsic, at position: Position, trail: Trail) -> Resolved {
        guard let (name, attributeValue) = function.getAttTarget else {
            return .unknown(Unresolved("Fn::GetAtt needs a resource name and an attribute", at: position))
        }
        guard template.hasResource(named: name) else {
            return .unknown(Unresolved("Fn::GetAtt of \(name), which the template does not define", at: position))
        }
        let attribute = resolve(attributeValue, trail: trail.deeper).string
        if let attribute, let resource = template.resource(named: name),
           let property = Self.attributesFromProperties[resource.type]?[attribute],
           let written = resource.properties[property] {
            let resolved = resolve(written, trail: trail.deeper)
            if case .value(let v) = resolved, v.scalarText != nil { return .value(v) }
        }
        return .resource(ResourceLink(logicalId: name, attribute: attribute ?? "*", position: position))
    }

    /// Attributes whose value is one of the resource's own properties, by resource type: `Fn::GetAtt` of
    /// them resolves to the property when the template writes it as a value nag can resolve (a VPC's
    /// `CidrBlock`), and stays a reference to the resource otherwise (a VPC whose block comes from IPAM).
    public static let attributesFromProperties: [String: [String: String]] = [
        "AWS::EC2::VPC": ["CidrBlock": "CidrBlock"],
        "AWS::EC2::Subnet": ["CidrBlock": "CidrBlock", "AvailabilityZone": "AvailabilityZone"],
    ]

    private func resolveSub(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        var textValue = argument
        var variables: ValueMap?
        if let items = argument.listValue {
            guard let first = items.first else { return .unknown(Unresolved("Fn::Sub needs a string", at: position)) }
            textValue = first
            variables = items.count > 1 ? items[1].mapValue : nil
        }
        guard let text = textValue.stringValue else {
            return .unknown(Unresolved("Fn::Sub needs a literal string", at: position))
        }
        var result = ""
        var resolvedOnce: [String: Resolved] = [:]
        for part in SubTemplate(parsing: text).parts {
            switch part {
            case .literal(let literal):
                result += literal
            case .reference(let name, let attribute):
                let key = attribute.map { "\(name).\($0)" } ?? name
                let resolved: Resolved
                if let known = resolvedOnce[key] {
                    resolved = known
                } else if attribute == nil, let variable = variables?[name] {
                    resolved = resolve(variable, trail: trail.deeper)
                } else if let attribute {
                    let getAtt = Intrinsic(name: .getAtt, argument: Value(.list([
                        Value(.string(name), at: textValue.position), Value(.string(attribute), at: textValue.position),
                    ]), at: textValue.position))
                    resolved = resolveGetAtt(getAtt, at: textValue.position, trail: trail.deeper)
                } else {
                    resolved = resolveRef(Value(.string(name), at: textValue.position), at: textValue.position, trail: trail.deeper)
                }
                resolvedOnce[key] = resolved
                switch resolved {
                case .value(let v) where v.scalarText != nil:
                    result += v.scalarText ?? ""
                    if result.utf8.count > Self.maxStringLength {
                        return .unknown(Unresolved("Fn::Sub builds a string longer than \(Self.maxStringLength) bytes; nag stops there", at: position))
                    }
                case .unknown(let why):
                    return .unknown(why)
                case .resource(let link):
                    let what = link.attribute.map { "attribute \($0) of resource \(link.logicalId)" } ?? "resource \(link.logicalId)"
                    return .unknown(Unresolved("Fn::Sub uses \(what), known only once deployed", at: textValue.position))
                default:
                    return .unknown(Unresolved("Fn::Sub variable ${\(name)} is not a string", at: textValue.position))
                }
            }
        }
        return .value(Value(.string(result), at: position))
    }

    /// Resolves the items of a list argument that may itself be an intrinsic (a list parameter, Fn::Split …).
    private func resolveItems(_ argument: Value, at position: Position, trail: Trail) -> Result<[Value], Unresolved> {
        let list: [Value]
        switch resolve(argument, trail: trail.deeper) {
        case .value(let v):
            guard let items = v.listValue else { return .failure(Unresolved("expected a list, found \(v.kindDescription)", at: v.position)) }
            list = items
        case .unknown(let why): return .failure(why)
        case .absent: return .success([])
        case .resource(let link): return .failure(Unresolved("expected a list, found a reference to \(link.logicalId)", at: link.position))
        }
        var items: [Value] = []
        for item in list {
            switch resolve(item, trail: trail.deeper) {
            case .value(let v): items.append(v)
            case .absent: continue
            case .unknown(let why): return .failure(why)
            case .resource(let link):
                return .failure(Unresolved("list item refers to resource \(link.logicalId), known only once deployed", at: link.position))
            }
        }
        return .success(items)
    }

    private func resolveJoin(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        guard let args = argument.listValue, args.count == 2, let delimiter = resolve(args[0], trail: trail.deeper).string else {
            return .unknown(Unresolved("Fn::Join needs a delimiter and a list", at: position))
        }
        switch resolveItems(args[1], at: position, trail: trail) {
        case .failure(let why): return .unknown(why)
        case .success(let items):
            var texts: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    return .unknown(Unresolved("Fn::Join item is \(item.kindDescription), not a string", at: item.position))
                }
                texts.append(text)
            }
            let length = texts.reduce(0) { $0 + $1.utf8.count } + delimiter.utf8.count * max(0, texts.count - 1)
            guard length <= Self.maxStringLength else {
                return .unknown(Unresolved("Fn::Join builds a string longer than \(Self.maxStringLength) bytes; nag stops there", at: position))
            }
            return .value(Value(.string(texts.joined(separator: delimiter)), at: position))
        }
    }

    private func resolveSelect(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        guard let args = argument.listValue, args.count == 2,
              let indexText = resolve(args[0], trail: trail.deeper).string, let index = Int(indexText) else {
            return .unknown(Unresolved("Fn::Select needs an index and a list", at: position))
        }
        if case .value(let listValue) = resolve(args[1], trail: trail.deeper), let items = listValue.listValue {
            guard index >= 0, index < items.count else {
                return .unknown(Unresolved("Fn::Select index \(index) is outside the list of \(items.count)", at: position))
            }
            return resolve(items[index], trail: trail.deeper)
        }
        switch resolveItems(args[1], at: position, trail: trail) {
        case .failure(let why): return .unknown(why)
        case .success(let items):
            guard index >= 0, index < items.count else {
                return .unknown(Unresolved("Fn::Select index \(index) is outside the list of \(items.count)", at: position))
            }
            return .value(items[index])
        }
    }

    private func resolveSplit(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        guard let args = argument.listValue, args.count == 2, let delimiter = resolve(args[0], trail: trail.deeper).string,
              !delimiter.isEmpty else {
            return .unknown(Unresolved("Fn::Split needs a delimiter and a string", at: position))
        }
        let source = resolve(args[1], trail: trail.deeper)
        guard let text = source.string else {
            return source.isUnknown ? source : .unknown(Unresolved("Fn::Split needs a string", at: position))
        }
        let parts = text.splitting(by: delimiter).map { Value(.string($0), at: position) }
        return .value(Value(.list(parts), at: position))
    }

    private func resolveIf(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        guard let args = argument.listValue, args.count == 3, let name = args[0].stringValue else {
            return .unknown(Unresolved("Fn::If needs a condition name and two values", at: position))
        }
        switch condition(named: name, at: args[0].position, trail: trail.deeper) {
        case .success(let truth): return resolve(args[truth ? 1 : 2], trail: trail.deeper)
        case .failure(let why):
            return .unknown(Unresolved("Fn::If depends on condition \(name), which cannot be decided: \(why.reason)", at: position))
        }
    }

    private func resolveFindInMap(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        guard let args = argument.listValue, args.count >= 3 else {
            return .unknown(Unresolved("Fn::FindInMap needs a map name and two keys", at: position))
        }
        var keys: [String] = []
        for arg in args.prefix(3) {
            let resolved = resolve(arg, trail: trail.deeper)
            guard let key = resolved.string else {
                if let why = resolved.unresolved { return .unknown(why) }
                return .unknown(Unresolved("Fn::FindInMap key is not a string", at: arg.position))
            }
            keys.append(key)
        }
        guard let found = template.mappings?[keys[0]]?[keys[1]]?[keys[2]] else {
            if args.count > 3, let fallback = args[3]["DefaultValue"] { return resolve(fallback, trail: trail.deeper) }
            return .unknown(Unresolved("Fn::FindInMap: mapping \(keys[0]) has no entry \(keys[1]).\(keys[2])", at: position))
        }
        return resolve(found, trail: trail.deeper)
    }
}

extension Resolved {
    /// Resolved to something that is not a scalar (a list, a map, a resource).
    var isKnownNonScalar: Bool {
        switch self {
        case .value(let v): v.scalarText == nil
        case .resource: true
        default: false
        }
    }
}

extension String {
    /// Splits at every occurrence of `separator`, keeping empty parts (as `Fn::Split` does).
    func splitting(by separator: String) -> [String] {
        if !separator.isEmpty, let starts = asciiMatchOffsets(of: separator, overlapping: false) {
            let length = separator.utf8.count
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            var parts: [String] = []
            parts.reserveCapacity(starts.count + 1)
            var start = startIndex
            for match in starts {
                parts.append(String(self[start..<index(match)]))
                start = index(match + length)
            }
            parts.append(String(self[start...]))
            return parts
        }
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
