/// The parameter values one stack is evaluated with.
///
/// An input stack has the values given on the command line. A nested stack has, in addition, what its parent's
/// `AWS::CloudFormation::Stack` resource passes in `Parameters`, resolved in the parent with the parent's own
/// values (so a value reaches any depth): a literal (`0.0.0.0/0`, or a VPC's `CidrBlock` the parent writes)
/// goes to the resolver as `--parameters` would; a value the parent cannot make a literal (a reference to one
/// of its resources, a pseudo parameter) makes the parameter undecided, with that reason, and its `Default`
/// no longer applies (the parent's value replaces it); a parameter the parent passes one of its own variable
/// parameters to (`!Ref Encrypt`, `AllowedValues` and no value given) ranges over the same choices.
struct StackParameters: Sendable, Equatable {
    /// Values for the resolver, as `--parameters` gives them.
    var literals: [String: String]
    /// Parameters passed a value that is not a literal: the words that complete "which is passed …".
    var undecided: [String: String] = [:]
    /// Parameters passed a variable parameter of the parent: its choices (``ParameterSpace/init(template:supplied:undecided:inherited:)``).
    var inherited: [String: ParameterSpace.Domain] = [:]

    /// An input stack's values.
    static func input(_ values: [String: String]) -> StackParameters { StackParameters(literals: values) }

    /// The values `resource` (an `AWS::CloudFormation::Stack` of `parent`, which is evaluated with `parentValues`)
    /// passes to `child`; `commandLine` applies where the parent passes nothing.
    static func passed(to child: Template, by resource: Resource, in parent: Template,
                       parentValues: StackParameters, commandLine: [String: String]) -> StackParameters {
        let resolver = parentValues.resolver(for: parent)
        let parentSpace = parentValues.space(for: parent)
        var result = StackParameters(literals: commandLine)
        func undecided(_ name: String, _ phrase: String) {
            result.literals[name] = nil
            result.undecided[name] = phrase
        }
        let written = resource.properties["Parameters"]
        let passed: ValueMap
        switch resolver.resolve(written) {
        case .absent:
            return result
        case .value(let value) where value.mapValue != nil:
            passed = value.mapValue ?? ValueMap()
        case .unknown(let why):
            for parameter in child.parameters {
                undecided(parameter.name, "a value from Parameters that cannot be decided (\(parent.location(why.position))): \(why.reason)")
            }
            return result
        case .value, .resource:
            return result
        }
        for parameter in child.parameters {
            guard let value = passed[parameter.name] else { continue }
            if let name = value.intrinsicValue?.refTarget, let phrase = parentValues.undecided[name] {
                undecided(parameter.name, phrase)   // passed straight through: keep the original reference
                continue
            }
            if let name = value.intrinsicValue?.refTarget, var domain = parentSpace.domains[name] {
                // The parent's choice is the child's: the child's own Default does not apply.
                domain.isDefault = false
                result.literals[parameter.name] = nil
                result.inherited[parameter.name] = domain
                continue
            }
            switch resolver.resolve(value) {
            case .absent:
                continue
            case .value(let literal):
                let items = literal.listValue?.compactMap(\.scalarText)
                if let text = literal.scalarText {
                    result.literals[parameter.name] = text
                } else if let items, items.count == literal.listValue?.count {
                    result.literals[parameter.name] = items.joined(separator: ",")   // a list parameter's value
                } else {
                    undecided(parameter.name, "\(literal.kindDescription) (\(parent.location(literal.position))), not a parameter value")
                }
            case .resource(let link):
                let what = link.attribute.map { "Fn::GetAtt \(link.logicalId).\($0)" } ?? "Ref \(link.logicalId)"
                undecided(parameter.name, "\(what) (\(parent.location(link.position))), known only once deployed")
            case .unknown(let why):
                undecided(parameter.name, "a value that cannot be decided (\(parent.location(why.position))): \(why.reason)")
            }
        }
        return result
    }

    /// A resolver of `template` with these values: literals as `--parameters` gives them, and undecided
    /// parameters unknown with what is passed (their `Default` does not apply).
    func resolver(for template: Template) -> Resolver {
        Resolver(template: template, parameterValues: literals, undecidedParameters: undecided)
    }

    /// The parameters of `template` these values leave open to the deployer.
    func space(for template: Template) -> ParameterSpace {
        ParameterSpace(template: template, supplied: literals, undecided: undecided, inherited: inherited)
    }
}
