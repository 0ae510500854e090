/// Edge-ORIGIN1: a load balancer behind CloudFront only serves requests that carry CloudFront's secret header.
struct OriginLockedToCloudFront: Check {
    /// The headers a CloudFront origin sends: `OriginCustomHeaders`.
    static let customHeaders = SettingsList(nameFields: ["HeaderName"], valueField: "HeaderValue")

    let about = CheckAbout(
        resourceTypes: [EdgeLookups.loadBalancerType],
        cause: "The load balancer behind CloudFront also serves requests that do not come through CloudFront.",
        explanation: """
        An internet-facing load balancer that is a CloudFront origin can be reached directly at its own DNS \
        name, bypassing CloudFront's TLS policy, WAF, geo restrictions and logging. The usual lock: CloudFront \
        sends a custom header with a secret value to the origin; every listener answers with a fixed 4xx by \
        default; and every listener rule that forwards requires that header and value. The secret belongs in \
        Secrets Manager (a {{resolve:secretsmanager:…}} dynamic reference, the same on both sides) or a NoEcho \
        parameter: a literal in the template is readable by anyone who can read the template (a warning).
        """,
        fix: """
        Add OriginCustomHeaders [{HeaderName: X-Origin-Verify, HeaderValue: '{{resolve:secretsmanager:…}}'}] to \
        the distribution's origin; give each listener the default action {Type: fixed-response, \
        FixedResponseConfig: {StatusCode: "403"}}; and give each forwarding listener rule a condition \
        {Field: http-header, HttpHeaderConfig: {HttpHeaderName: X-Origin-Verify, Values: [same reference]}}.
        """,
        examples: OriginLockExamples.all)

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch EdgeLookups.isApplication(resource, in: context) {
        case .unknown(let why): return .unknown(why)
        case let kind where kind.bool != true: return .notApplicable
        default: break
        }
        if context.resolve(resource, "Scheme").string == "internal" { return .notApplicable }
        let origins = EdgeLookups.origins(pointingAt: resource, in: context)
        guard !origins.isEmpty else { return .notApplicable }

        var violations: [Violation] = []
        var headers: [(name: String, value: Value)] = []
        for origin in origins {
            let label = "origin \(context.resolve(origin.origin["Id"]).string ?? "?") of distribution \(origin.distribution.logicalId)"
            let items = (context.resolve(origin.origin["OriginCustomHeaders"]).list ?? []).map { context.resolve($0) }
            let sent = Self.customHeaders.entries(in: items, context: context)
            for (name, value) in sent {
                headers.append((name, value))
                if let exposure = Self.exposure(of: value, in: context) {
                    violations.append(Violation(position: value.position, detail: "the value of header \(name) sent by \(label) \(exposure)", level: .warning))
                }
            }
            if sent.isEmpty {
                let position = origin.origin.entry("OriginCustomHeaders")?.keyPosition ?? origin.position
                violations.append(Violation(position: position, detail: "\(label) sends no custom header, so the load balancer cannot tell CloudFront's requests from anyone else's"))
            }
        }
        for listener in EdgeLookups.listeners(of: resource, in: context) {
            violations += checkDefaultActions(of: listener, in: context)
            guard !headers.isEmpty else { continue }
            for rule in EdgeLookups.rules(of: listener, in: context) where Self.forwards(context.resolve(rule, "Actions"), in: context) {
                violations += checkConditions(of: rule, listener: listener, headers: headers, in: context)
            }
        }
        return .from(violations)
    }

    /// Why a header value is not a secret, or nil when it is kept out of the template.
    static func exposure(of value: Value, in context: RuleContext) -> String? {
        if CdkNagText.stringify(value).contains("{{resolve:") { return nil }
        if let name = value.intrinsicValue?.refTarget, let parameter = context.template.parameter(named: name) {
            return parameter.noEcho ? nil : "comes from parameter \(name), which is not NoEcho: the secret shows in the console and API"
        }
        return "is written in the template; use a {{resolve:secretsmanager:…}} dynamic reference or a NoEcho parameter"
    }

    static func forwards(_ actions: Resolved, in context: RuleContext) -> Bool {
        (actions.list ?? []).contains { context.resolve($0).map.map { context.resolve($0["Type"]).string == "forward" } ?? false }
    }

    private func checkDefaultActions(of listener: Resource, in context: RuleContext) -> [Violation] {
        let actions = context.resolve(listener, "DefaultActions").list ?? []
        var violations: [Violation] = []
        for action in actions {
            guard let map = context.resolve(action).map else { continue }
            let type = context.resolve(map["Type"]).string ?? "?"
            let position = map.entry("Type")?.keyPosition ?? action.position
            if type == "forward" {
                violations.append(Violation(position: position, detail: "listener \(listener.logicalId) forwards by default, so requests without the origin header reach the targets"))
            } else if type == "fixed-response" {
                let status = context.resolver.resolve(map["FixedResponseConfig"], at: "StatusCode").string ?? ""
                if !status.hasPrefix("4") {
                    violations.append(Violation(position: position, detail: "listener \(listener.logicalId) answers by default with status \(status.isEmpty ? "?" : status), not a 4xx"))
                }
            } else if !type.hasPrefix("authenticate") {
                violations.append(Violation(position: position, detail: "listener \(listener.logicalId) default action is \(type), not a fixed 4xx response"))
            }
        }
        return violations
    }

    private func checkConditions(of rule: Resource, listener: Resource, headers: [(name: String, value: Value)],
                                 in context: RuleContext) -> [Violation] {
        let conditions = PropertyLookup.readableMaps(rule[property: "Conditions"], in: context)
        let headerConditions = conditions.filter { context.resolve($0["Field"]).string == "http-header" }
        guard !headerConditions.isEmpty else {
            return [Violation(position: rule.position(ofProperty: "Conditions"), detail: "listener rule \(rule.logicalId) forwards without requiring the origin header \(headers.map(\.name).joined(separator: " or "))")]
        }
        var mismatch: Violation?
        for condition in headerConditions {
            let config = context.resolve(condition["HttpHeaderConfig"]).map
            let nameValue = config?["HttpHeaderName"]
            let name = context.resolve(nameValue).string ?? ""
            let expected = headers.filter { $0.name.lowercased() == name.lowercased() }
            guard !expected.isEmpty else {
                mismatch = mismatch ?? Violation(position: nameValue?.position ?? condition.entries.first?.keyPosition ?? rule.position,
                                                 detail: "listener rule \(rule.logicalId) checks header \(name), but CloudFront sends \(headers.map(\.name).joined(separator: ", "))")
                continue
            }
            let values = context.resolve(config?["Values"]).list ?? []
            if values.contains(where: { value in expected.contains { Self.same($0.value, value, in: context) } }) { return [] }
            mismatch = mismatch ?? Violation(position: config?.entry("Values")?.keyPosition ?? nameValue?.position ?? rule.position,
                                             detail: "listener rule \(rule.logicalId) checks header \(name) for a value other than the one CloudFront sends")
        }
        return mismatch.map { [$0] } ?? []
    }

    /// The same expression on both sides, or the same resolved text.
    static func same(_ a: Value, _ b: Value, in context: RuleContext) -> Bool {
        if a == b { return true }
        guard let x = context.resolve(a).string, let y = context.resolve(b).string else { return false }
        return x == y
    }
}
