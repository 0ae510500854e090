/// Lookups shared by the classic load balancer rules (ELB1, ELB3, ELB4, ELB5).
enum ClassicLoadBalancers {
    /// A listener: its map, with its `Protocol` and `InstanceProtocol` (compare them lowercased).
    struct Listener {
        var map: ValueMap
        var protocolName: Scalar
        var instanceProtocol: Scalar
    }

    /// Compliant when every listener is as `judge` wants it (the first failing one decides); unknown when the
    /// listeners cannot be read.
    static func everyListener(of balancer: Resource, in context: RuleContext,
                              _ judge: (Listener) -> Verdict) -> RuleOutcome {
        switch listeners(of: balancer, in: context) {
        case .failure(let why): .unknown(why)
        case .success(let listeners): Verdict.every(listeners, judge).outcome
        }
    }

    /// The listeners of a classic load balancer, or why one cannot be read.
    static func listeners(of balancer: Resource, in context: RuleContext) -> Result<[Listener], Unresolved> {
        let maps = PropertyLookup.maps(balancer.properties["Listeners"], in: context) ?? .success([])
        return maps.map { maps in
            maps.map { Listener(map: $0, protocolName: Scalar($0["Protocol"], in: context),
                                instanceProtocol: Scalar($0["InstanceProtocol"], in: context)) }
        }
    }
}
