/// A string known only in part: the literal text of an `Fn::Sub` or `Fn::Join` whose other parts nag cannot
/// resolve (`arn:aws:logs:${AWS::Region}:…`), each unknown part a gap that may hold any text.
///
/// Enough to decide many tests of a value that does not resolve: `arn:…:${AWS::Region}:…` is not `*`,
/// whatever the region. Read it after ``Resolver`` fails, with the value as written.
///
/// ```swift
/// let resource = PartialText(item, in: context)     // !Sub "arn:aws:logs:${AWS::Region}:…"
/// resource.couldEqual("*")                           // false, whatever the region
/// PartialText(action, in: context).hasSuffix(":*")   // !Sub "${Service}:*": true, whatever the service
/// ```
struct PartialText: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case text(String)
        /// A part nag cannot resolve: any text, possibly empty.
        case gap
    }

    var parts: [Part]

    /// A text known in full.
    init(_ text: String) {
        parts = [.text(text)]
    }

    /// The parts of `value` as written: an `Fn::Sub` or `Fn::Join` gives its literal text and resolves what it
    /// can of the rest; any other value is its resolved text, or one gap.
    init(_ value: Value, in context: RuleContext) {
        if let text = context.resolve(value).string {
            parts = [.text(text)]
            return
        }
        guard let function = value.intrinsicValue else { parts = [.gap]; return }
        switch function.name {
        case .sub: parts = Self.sub(function.argument, at: value.position, in: context)
        case .join: parts = Self.join(function.argument, in: context)
        default: parts = [.gap]
        }
    }

    /// Whether the text may be exactly `expected`: false when its known parts rule that out, true when it is
    /// known to be `expected`, nil when it depends on what fills the gaps.
    func couldEqual(_ expected: String) -> Bool? {
        if !parts.contains(.gap) { return literal == expected }
        return Self.matches(Array(expected), parts: parts) ? nil : false
    }

    /// Whether the text ends with `suffix`: decided by the text after the last gap when that is long enough,
    /// false when it cannot end so, nil when it depends on the gaps.
    func hasSuffix(_ suffix: String) -> Bool? {
        guard let lastGap = parts.lastIndex(of: .gap) else { return literal.hasSuffix(suffix) }
        let tail = Self.text(of: parts[(lastGap + 1)...])
        if tail.count >= suffix.count { return tail.hasSuffix(suffix) }
        return suffix.hasSuffix(tail) ? nil : false
    }

    /// The known text, the gaps left out.
    var literal: String { Self.text(of: parts[...]) }

    private static func text(of parts: ArraySlice<Part>) -> String {
        parts.map { if case .text(let t) = $0 { t } else { "" } }.joined()
    }

    private static func sub(_ argument: Value, at position: Position, in context: RuleContext) -> [Part] {
        let template = argument.listValue?.first ?? argument
        let variables = argument.listValue.flatMap { $0.count > 1 ? $0[1].mapValue : nil }
        guard let text = template.stringValue else { return [.gap] }
        return SubTemplate(parsing: text).parts.map { part in
            switch part {
            case .literal(let literal): return .text(literal)
            case .reference(let name, let attribute):
                if attribute != nil { return .gap }
                let value = variables?[name]
                    ?? Value(.intrinsic(Intrinsic(name: .ref, argument: Value(.string(name), at: position))), at: position)
                return context.resolve(value).string.map(Part.text) ?? .gap
            }
        }
    }

    private static func join(_ argument: Value, in context: RuleContext) -> [Part] {
        guard let args = argument.listValue, args.count == 2,
              let delimiter = context.resolve(args[0]).string,
              case .success(let items)? = context.resolver.resolveList(args[1]) else { return [.gap] }
        var parts: [Part] = []
        for (index, item) in items.enumerated() {
            if index > 0 { parts.append(.text(delimiter)) }
            parts.append(item.string.map(Part.text) ?? .gap)
        }
        return parts
    }

    /// Whether `target` can be spelled by `parts`, each gap standing for any text.
    private static func matches(_ target: [Character], parts: [Part]) -> Bool {
        var pattern: [Character?] = []   // nil: a gap
        for part in parts {
            switch part {
            case .text(let t): pattern.append(contentsOf: t.map { Optional($0) })
            case .gap: if pattern.last != .some(nil) { pattern.append(nil) }
            }
        }
        // reachable[j]: the pattern read so far can spell target[..<j].
        var reachable = [Bool](repeating: false, count: target.count + 1)
        reachable[0] = true
        for token in pattern {
            var next = [Bool](repeating: false, count: target.count + 1)
            if let character = token {
                for j in 0..<target.count where reachable[j] && target[j] == character { next[j + 1] = true }
            } else {
                var seen = false
                for j in 0...target.count { seen = seen || reachable[j]; next[j] = seen }
            }
            reachable = next
        }
        return reachable[target.count]
    }
}
