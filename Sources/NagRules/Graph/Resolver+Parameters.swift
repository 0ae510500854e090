/// `Ref`: pseudo parameters, resources, and template parameters: a supplied value, else the scenario's choice
/// for a variable parameter (``ParameterSpace``), else the `Default`, else unknown.
extension Resolver {
    func resolveRef(_ argument: Value, at position: Position, trail: Trail) -> Resolved {
        guard let name = resolve(argument, trail: trail.deeper).string else {
            return .unknown(Unresolved("Ref needs a name", at: position))
        }
        switch name {
        case "AWS::NoValue": return .absent
        case "AWS::Partition": return .value(Value(.string("aws"), at: position))
        case "AWS::URLSuffix": return .value(Value(.string("amazonaws.com"), at: position))
        default: break
        }
        if GraphBuilder.pseudoParameters.contains(name) {
            return .unknown(Unresolved("\(name) is known only at deploy time", at: position))
        }
        if template.hasResource(named: name) {
            return .resource(ResourceLink(logicalId: name, attribute: nil, position: position))
        }
        guard let parameter = template.parameter(named: name) else {
            return .unknown(Unresolved("Ref to \(name), which the template does not define", at: position))
        }
        if let supplied = parameterValues[name] {
            return .value(parameterValue(supplied, of: parameter, at: position))
        }
        if let passed = undecidedParameters[name] {
            return .unknown(Unresolved("Ref to parameter \(name), which is passed \(passed)", at: position))
        }
        if parameter.isStoredInSSM {
            let stored = parameter.defaultValue?.scalarText.map { " \($0)" } ?? ""
            return .unknown(Unresolved(
                "Ref to parameter \(name), whose value is read from the SSM parameter\(stored) at deploy time "
                    + "(pass --parameters \(name)=VALUE)", at: position))
        }
        if let domain = space.domains[name] {
            reads.noteVariable(name)
            let chosen = scenario[name] ?? domain.provisional
            if !(domain.isDefault && chosen == domain.provisional) {
                return .value(parameterValue(chosen, of: parameter, at: position))
            }
        } else if space.assumedDefaults[name] != nil {
            reads.noteAssumed(name)
        }
        guard let defaultValue = parameter.defaultValue else {
            return .unknown(Unresolved(
                "Ref to parameter \(name), which has no Default (pass --parameters \(name)=VALUE)", at: position))
        }
        if parameter.isList, let text = defaultValue.scalarText {
            return .value(parameterValue(text, of: parameter, at: defaultValue.position))
        }
        return resolve(defaultValue, trail: trail.deeper)
    }

    func parameterValue(_ text: String, of parameter: Parameter, at position: Position) -> Value {
        guard parameter.isList else { return Value(.string(text), at: position) }
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Value(.string(String($0.trimmingSpaces)), at: position) }
        return Value(.list(items), at: position)
    }
}
