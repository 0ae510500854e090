extension Verdict {
    /// ``every(_:_:)`` over the maps of a list whose items are resolved (``PropertyLookup/items(_:in:)``):
    /// an item nag cannot resolve is undecided, any other item that is not a map is passed over.
    ///
    /// ```swift
    /// Verdict.everyMap(in: rules) { rule in
    ///     let cidr = Scalar(rule["CidrIp"], in: context)
    ///     if let why = cidr.unresolved { return .undecided(why) }
    ///     return cidr.text?.contains("/0") == true ? .fails(at: rule.entry("CidrIp")?.keyPosition ?? fallback) : .holds
    /// }.outcome
    /// ```
    static func everyMap(in items: [Resolved], _ judge: (ValueMap) -> Verdict) -> Verdict {
        every(items) { item in
            guard let map = item.map else { return item.unresolved.map(Verdict.undecided) ?? .holds }
            return judge(map)
        }
    }

    /// ``some(_:otherwise:_:)`` over the maps of a list whose items are resolved: an item nag cannot resolve
    /// is undecided, any other item that is not a map does not count.
    static func someMap(in items: [Resolved], otherwise: Verdict, _ judge: (ValueMap) -> Verdict) -> Verdict {
        some(items, otherwise: otherwise) { item in
            guard let map = item.map else { return item.unresolved.map(Verdict.undecided) ?? .fails }
            return judge(map)
        }
    }
}
