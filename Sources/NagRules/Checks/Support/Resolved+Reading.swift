extension Resolved {
    /// The value read as cdk-nag's `resolveIfPrimitive` reads it: see ``Scalar``.
    var scalar: Scalar { Scalar(self) }

    /// The logical id the value names through `Ref` or `Fn::GetAtt`, or else the literal text it resolves to:
    /// how cdk-nag's `resolveResourceFromIntrinsic` names the resource a property points at.
    var resourceName: String? { resourceLink?.logicalId ?? string }
}

extension ResourceLink {
    /// Why a value that is this reference cannot be read from the template: the one wording of "known only
    /// once deployed" for the checks.
    var unknownUntilDeployed: Unresolved {
        let what = attribute.map { "attribute \($0) of resource \(logicalId)" } ?? "a reference to resource \(logicalId)"
        return Unresolved("the value is \(what), known only once deployed", at: position)
    }
}
