/// The failure destination that Lambda event invoke configurations and event source mappings name in
/// `DestinationConfig.OnFailure.Destination`.
enum LambdaFailureDestinations {
    /// Compliant when the destination is set to something other than an empty string (cdk-nag tests its
    /// JavaScript truthiness: a reference to a resource counts as set); unknown when nag cannot resolve it; a
    /// violation at the deepest key written otherwise (the resource when `DestinationConfig` is not set).
    static func requireFailureDestination(of resource: Resource, in context: RuleContext) -> RuleOutcome {
        let destination = PropertyLookup.find(resource, "DestinationConfig", "OnFailure", "Destination", in: context)
        switch destination.resolved {
        case .absent:
            return .violation(at: destination.position, "DestinationConfig.OnFailure.Destination is not set")
        case .unknown(let why):
            return .unknown(why)
        case .resource:
            return .compliant
        case .value(let value):
            return value.isNull || value.scalarText == ""
                ? .violation(at: destination.position, "DestinationConfig.OnFailure.Destination is empty") : .compliant
        }
    }
}
