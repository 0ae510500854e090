/// Lookups shared by the classic load balancer rules (ELB1, ELB3, ELB4, ELB5).
enum ClassicLoadBalancers {
    /// Each listener as a map with its resolved `Protocol` (lowercased) and `InstanceProtocol`, or why a
    /// listener cannot be read.
    struct Listener {
        var map: ValueMap
        var protocolName: Result<String?, Unresolved>
        var instanceProtocol: Result<String?, Unresolved>
    }

    static func listeners(of balancer: Resource, in context: RuleContext) -> Result<[Listener], Unresolved> {
        guard let items = ComputeValues.items(balancer.properties["Listeners"], in: context) else { return .success([]) }
        switch items {
        case .failure(let why): return .failure(why)
        case .success(let list):
            var listeners: [Listener] = []
            for item in list {
                if let why = item.unresolved { return .failure(why) }
                guard let map = item.map else { continue }
                func text(_ key: String) -> Result<String?, Unresolved> {
                    ComputeValues.scalar(map[key], in: context).map { $0?.scalarText?.lowercased() }
                }
                listeners.append(Listener(map: map, protocolName: text("Protocol"), instanceProtocol: text("InstanceProtocol")))
            }
            return .success(listeners)
        }
    }
}
