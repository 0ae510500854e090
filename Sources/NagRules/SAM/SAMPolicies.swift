/// A function's `Policies` property read into what its generated role holds: managed policy ARNs and inline
/// policy documents (written statements, and SAM policy templates expanded to their statements).
///
/// Inline documents are named `<Role>Policy<index>` with the index of their entry in `Policies`, as the
/// translator names them. Statements of a policy template point at the template's entry in `Policies`.
struct SAMPolicies {
    var managedPolicyArns: [Value] = []
    var inlinePolicies: [Value] = []
    /// Why an entry cannot be expanded (an unknown template, a missing template parameter), with where.
    var problems: [(message: String, position: Position)] = []

    init(_ policies: Value?, roleId: String) {
        guard let policies else { return }
        let entries = policies.listValue ?? [policies]
        for (index, entry) in entries.enumerated() {
            read(entry, name: "\(roleId)Policy\(index)")
        }
    }

    private mutating func read(_ entry: Value, name: String) {
        switch entry.kind {
        case .string(let text):
            managedPolicyArns.append(.text(Self.managedPolicyArn(text), at: entry.position))
        case .intrinsic(let function):
            if let conditional = conditionalInline(function, name: name, at: entry.position) {
                inlinePolicies.append(conditional)
            } else {
                managedPolicyArns.append(entry)
            }
        case .map(let map):
            if map["Statement"] != nil {
                inlinePolicies.append(Self.inline(name: name, document: entry))
            } else if map.count == 1, let template = map.entries.first {
                expandTemplate(template, name: name, at: entry.position)
            } else {
                problems.append(("a Policies entry must be a policy name or ARN, a policy document or one policy template", entry.position))
            }
        default:
            problems.append(("a Policies entry must be a policy name or ARN, a policy document or one policy template, found \(entry.kindDescription)", entry.position))
        }
    }

    /// `!If [Condition, document or policy template, other or !Ref AWS::NoValue]` as the translator writes it: an
    /// `Fn::If` choosing between the inline policies of its branches. Nil when no branch is a map.
    private mutating func conditionalInline(_ function: Intrinsic, name: String, at position: Position) -> Value? {
        guard function.name == .if, let arguments = function.argument.listValue, arguments.count == 3,
              arguments[1].mapValue != nil || arguments[2].mapValue != nil else { return nil }
        var branches = [arguments[0]]
        for branch in arguments[1...2] {
            guard branch.mapValue != nil else { branches.append(branch); continue }
            var reader = SAMPolicies(nil, roleId: "")
            reader.read(branch, name: name)
            problems += reader.problems
            guard let inline = reader.inlinePolicies.first else { return nil }
            branches.append(inline)
        }
        return Value(.intrinsic(Intrinsic(name: .if, argument: .items(branches, at: position))), at: position)
    }

    private mutating func expandTemplate(_ entry: ValueMap.Entry, name: String, at position: Position) {
        guard let template = SAMPolicyData.templates[entry.key] else {
            problems.append(("unknown SAM policy template \(entry.key)", entry.keyPosition))
            return
        }
        let given = entry.value.mapValue ?? ValueMap()
        var values: [String: Value] = [:]
        for parameter in template.parameters {
            guard let value = given[parameter] else {
                problems.append(("policy template \(entry.key) needs parameter \(parameter)", entry.keyPosition))
                return
            }
            values[parameter] = value
        }
        guard let parsed = try? DocumentLoader().parse(bytes: Array(template.document.utf8), file: "policy-template", format: .json).root else {
            return
        }
        let document = Self.substitute(parsed, values: values, at: entry.keyPosition)
        inlinePolicies.append(Self.inline(name: name, document: document))
    }

    /// A template's document with `Ref`s to its parameters replaced by the given values and every other
    /// value placed at `position`.
    static func substitute(_ value: Value, values: [String: Value], at position: Position) -> Value {
        switch value.kind {
        case .list(let items):
            return .items(items.map { substitute($0, values: values, at: position) }, at: position)
        case .map(let map):
            return .fields(map.entries.map { ($0.key, substitute($0.value, values: values, at: position)) }, at: position)
        case .intrinsic(let function):
            if let target = function.refTarget, let given = values[target] { return given }
            return Value(.intrinsic(Intrinsic(name: function.name, argument: substitute(function.argument, values: values, at: position))),
                         at: position)
        default:
            return Value(value.kind, at: position)
        }
    }

    static func inline(name: String, document: Value) -> Value {
        .fields([("PolicyName", .text(name, at: document.position)), ("PolicyDocument", document)], at: document.position)
    }

    /// The ARN of an AWS managed policy named `name`, or `name` itself when it is an ARN or not a known name.
    static func managedPolicyArn(_ name: String) -> String {
        if name.hasPrefix("arn:") { return name }
        return managedPolicies[name].map { "arn:aws:iam::aws:policy/" + $0 } ?? name
    }

    /// Managed policy names to the part of their ARN after `policy/`.
    static let managedPolicies: [String: String] = {
        // Split on the bytes (the list is ASCII, over a thousand lines): read on first use, on one core.
        var map: [String: String] = [:]
        let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        for line in SAMPolicyData.managedPolicyLines.utf8.split(separator: newline) {
            let name = line.prefix { $0 != tab }
            let rest = line.dropFirst(name.count + 1)
            map[String(Substring(name))] = String(Substring(rest.isEmpty ? name : rest))
        }
        return map
    }()
}
