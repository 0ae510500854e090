import Synchronization

/// Conditions: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` and `Condition`, each named condition decided once
/// per resolver.
extension Resolver {
    /// Whether the named condition holds, or why that cannot be decided.
    public func condition(named name: String) -> Result<Bool, Unresolved> {
        condition(named: name, at: .start, trail: Trail())
    }

    /// Decided once per resolver; a condition reached again while it is being decided is a cycle.
    func condition(named name: String, at position: Position, trail: Trail) -> Result<Bool, Unresolved> {
        if let (decided, read) = conditions.result(of: name) {
            reads.note(read)
            return decided
        }
        guard let definition = template.condition(named: name) else {
            return .failure(Unresolved("condition \(name) is not defined", at: position))
        }
        guard !trail.conditions.contains(name) else {
            return .failure(Unresolved("condition \(name) refers to itself (a cycle)", at: position))
        }
        let (result, read) = reads.reading { evaluateCondition(definition.expression, trail: trail.deeper(into: name)) }
        // A result cut short by a limit is not the condition's answer: decide it again next time.
        if !trail.work.wasCutShort { conditions.record(result, read: read, for: name) }
        return result
    }

    func evaluateCondition(_ value: Value, trail: Trail) -> Result<Bool, Unresolved> {
        guard trail.depth < Self.maxDepth else {
            trail.work.cutShort()
            return .failure(Unresolved("conditions nest more than \(Self.maxDepth) levels (a cycle?)", at: value.position))
        }
        guard trail.work.spend() else {
            return .failure(Unresolved("deciding this condition takes more than \(Self.workLimit) steps; nag stops there", at: value.position))
        }
        guard let function = value.intrinsicValue else {
            if let truth = Resolved.value(value).bool { return .success(truth) }
            return .failure(Unresolved("a condition must be a condition function", at: value.position))
        }
        let args = function.arguments
        switch function.name {
        case .condition:
            guard let name = function.argument.stringValue else { break }
            // One level per condition named (condition(named:) goes deeper into it): a chain of conditions
            // is as deep as it is long.
            return condition(named: name, at: value.position, trail: trail)
        case .equals:
            guard args.count == 2 else { break }
            let left = resolve(args[0], trail: trail.deeper)
            let right = resolve(args[1], trail: trail.deeper)
            if let why = left.unresolved ?? right.unresolved { return .failure(why) }
            guard let l = left.value, let r = right.value else {
                return .failure(Unresolved("Fn::Equals compares a value known only once deployed", at: value.position))
            }
            return .success(Self.loosely(l, equals: r))
        case .not:
            guard args.count == 1 else { break }
            return evaluateCondition(args[0], trail: trail.deeper).map { !$0 }
        case .and, .or:
            let isAnd = function.name == .and
            var undecided: Unresolved?
            for arg in args {
                switch evaluateCondition(arg, trail: trail.deeper) {
                case .success(let truth) where truth != isAnd: return .success(!isAnd)
                case .success: continue
                case .failure(let why): undecided = undecided ?? why
                }
            }
            if let undecided { return .failure(undecided) }
            return .success(isAnd)
        default:
            break
        }
        return .failure(Unresolved("\(function.name) cannot be evaluated as a condition here", at: value.position))
    }

    /// CloudFormation compares scalars as strings: `true` equals `"true"`, `1` equals `"1"`.
    static func loosely(_ a: Value, equals b: Value) -> Bool {
        if let x = a.scalarText, let y = b.scalarText { return x == y }
        return a == b
    }
}

/// The conditions a resolver has decided, with the parameters each read, shared by every check that reads
/// the template under one scenario.
final class ConditionMemo: Sendable {
    private let results = Mutex<[String: (Result<Bool, Unresolved>, ParameterReadSet)]>([:])

    func result(of name: String) -> (Result<Bool, Unresolved>, ParameterReadSet)? { results.withLock { $0[name] } }

    func record(_ result: Result<Bool, Unresolved>, read: ParameterReadSet, for name: String) {
        results.withLock { $0[name] = (result, read) }
    }
}
