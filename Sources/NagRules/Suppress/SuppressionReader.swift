/// Reads `cdk_nag` suppression metadata from a template, in every form CDK writes it.
///
/// - `{"id": "AwsSolutions-S1", "reason": "…"}`
/// - `applies_to`: exact finding ids and `{"regex": "/pattern/flags"}`
/// - `is_reason_encoded: true`: the reason is base64
/// - `expires: YYYY-MM-DD` (nag's extension; cdk-nag ignores keys it does not know): the last day it suppresses
/// - cdk-nag v3's written form: `"id": "AwsSolutions-IAM5[Action::s3:*]"` and an optional
///   `Namespace::` qualifier before the id (`annotation::AwsSolutions-S1`), kept in ``Suppression/namespace``:
///   the id of another tool's rule (`CloudFormation-Validate::W3010`) is that tool's business, not nag's.
package enum SuppressionReader {
    /// The suppressions of a template and the problems found while reading them.
    package static func read(_ template: Template) -> (suppressions: [Suppression], problems: [(SuppressionProblem, owner: String?)]) {
        var suppressions: [Suppression] = []
        var problems: [(SuppressionProblem, owner: String?)] = []
        func collect(_ metadata: Value?, scope: SuppressionScope, owner: String?) {
            guard let list = metadata?["cdk_nag"]?["rules_to_suppress"] else { return }
            guard let items = list.listValue else {
                problems.append((SuppressionProblem(kind: .malformed, message: "cdk_nag.rules_to_suppress must be a list", position: list.position), owner))
                return
            }
            for item in items {
                switch entry(item, scope: scope, owner: owner) {
                case .success(let suppression): suppressions.append(suppression)
                case .failure(let problem): problems.append((problem, owner))
                }
            }
        }
        collect(template.metadata, scope: .template, owner: nil)
        for resource in template.resources {
            collect(resource.metadata, scope: .resource, owner: resource.logicalId)
        }
        return (suppressions, problems)
    }

    static func entry(_ item: Value, scope: SuppressionScope, owner: String?) -> Result<Suppression, SuppressionProblem> {
        guard let map = item.mapValue else {
            return .failure(.init(kind: .malformed, message: "a suppression must be a map with id and reason", position: item.position))
        }
        guard let rawId = map["id"]?.stringValue, !rawId.isEmpty else {
            return .failure(.init(kind: .malformed, message: "a suppression needs an id naming the rule", position: item.position))
        }
        let (namespace, ruleId, granular) = split(rawId)
        var reason = map["reason"]?.scalarText
        if map["is_reason_encoded"].flatMap({ Resolved.value($0).bool }) == true, let encoded = reason {
            guard let bytes = Base64.decode(encoded), let decoded = String(validating: bytes, as: UTF8.self) else {
                return .failure(.init(kind: .malformed, message: "is_reason_encoded is set but the reason is not base64 text", position: map.entry("reason")?.value.position ?? item.position))
            }
            reason = decoded
        }
        var appliesTo: [FindingPattern]?
        if let granular {
            appliesTo = [FindingPattern(matcher: .exact(granular), position: item.position)]
        }
        if let list = map["applies_to"] {
            guard let items = list.listValue else {
                return .failure(.init(kind: .malformed, message: "applies_to must be a list", position: list.position))
            }
            var patterns = appliesTo ?? []
            for pattern in items {
                if let text = pattern.stringValue {
                    patterns.append(FindingPattern(matcher: .exact(text), position: pattern.position))
                } else if let regex = pattern["regex"]?.stringValue {
                    switch FindingPattern.regex(regex, at: pattern.position) {
                    case .success(let p): patterns.append(p)
                    case .failure(let problem): return .failure(problem)
                    }
                } else {
                    return .failure(.init(kind: .malformed, message: "an applies_to item must be a string or {regex: \"/pattern/\"}", position: pattern.position))
                }
            }
            appliesTo = patterns
        }
        var expires: CalendarDate?
        if let written = map["expires"] {
            guard let text = written.scalarText, let date = CalendarDate(parsing: text) else {
                return .failure(.init(kind: .malformed, message: "expires must be a date written YYYY-MM-DD, got \(written.scalarText ?? written.kindDescription)", position: written.position))
            }
            expires = date
        }
        return .success(Suppression(ruleId: ruleId, namespace: namespace, reason: reason, appliesTo: appliesTo,
                                    position: item.position, scope: scope, owner: owner, expires: expires))
    }

    /// `Pack::AwsSolutions-IAM5[Action::s3:*]` → (`Pack`, `AwsSolutions-IAM5`, `Action::s3:*`).
    static func split(_ raw: String) -> (namespace: String?, ruleId: String, finding: String?) {
        var id = Substring(raw)
        var finding: String?
        var namespace: String?
        if let open = id.firstIndex(of: "["), id.hasSuffix("]") {
            finding = String(id[id.index(after: open)..<id.index(before: id.endIndex)])
            id = id[..<open]
        }
        if let qualifier = id.lastRange(of: "::") {
            namespace = String(id[..<qualifier.lowerBound])
            id = id[qualifier.upperBound...]
        }
        return (namespace, String(id), finding)
    }
}

extension Substring {
    func lastRange(of text: String) -> Range<Index>? {
        var found: Range<Index>?
        var rest = self[...]
        while let range = rest.firstRange(of: text) {
            found = range
            rest = rest[range.upperBound...]
        }
        return found
    }
}
