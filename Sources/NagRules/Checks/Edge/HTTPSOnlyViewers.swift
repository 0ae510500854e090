/// Edge-CFR1: every cache behaviour of a distribution makes viewers use HTTPS.
struct HTTPSOnlyViewers: Check {
    static let secure: Set<String> = ["https-only", "redirect-to-https"]

    let about = CheckAbout(
        resourceTypes: [EdgeLookups.distributionType],
        cause: "A CloudFront cache behaviour lets viewers use plain HTTP.",
        explanation: """
        A behaviour with ViewerProtocolPolicy allow-all (or none) serves content, cookies and tokens over plain \
        HTTP, where anyone on the path can read or change them, and for a WebSocket it allows ws:// instead of \
        wss://. Every behaviour, the default one and each ordered one, must use https-only or redirect-to-https.
        """,
        fix: "Set ViewerProtocolPolicy to redirect-to-https (or https-only) on DefaultCacheBehavior and on every entry of CacheBehaviors.",
        examples: [
            .compliant("""
            Resources:
              Site:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior:
                      TargetOriginId: app
                      ViewerProtocolPolicy: redirect-to-https
                    CacheBehaviors:
                      - PathPattern: /api/*
                        TargetOriginId: app
                        ViewerProtocolPolicy: https-only
            """),
            .nonCompliant("""
            Resources:
              Site:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior:
                      TargetOriginId: app
                      ↓ViewerProtocolPolicy: allow-all
                    CacheBehaviors:
                      - PathPattern: /api/*
                        TargetOriginId: app
                        ViewerProtocolPolicy: https-only
                      - ↓PathPattern: /static/*
                        TargetOriginId: app
            """),
            .nonCompliant("""
            Parameters:
              Policy:
                Type: String
                Default: allow-all
            Resources:
              Site:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior:
                      TargetOriginId: app
                      ↓ViewerProtocolPolicy: !Ref Policy
            """),
            .unknown("""
            Parameters:
              Policy:
                Type: String
            Resources:
              Site:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior:
                      TargetOriginId: app
                      ViewerProtocolPolicy: ↓!Ref Policy
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config = context.resolve(resource, "DistributionConfig")
        if case .unknown(let why) = config { return .unknown(why) }
        guard let map = config.map else { return .notApplicable }
        var behaviours: [(name: String, value: Value?, fallback: Position)] = []
        let defaultEntry = map.entry("DefaultCacheBehavior")
        behaviours.append(("the default cache behaviour", defaultEntry?.value, defaultEntry?.keyPosition ?? resource.position))
        if let ordered = context.resolve(map["CacheBehaviors"]).list {
            for (index, item) in ordered.enumerated() {
                let pattern = context.resolve(item).map.flatMap { context.resolve($0["PathPattern"]).string }
                behaviours.append(("cache behaviour \(pattern ?? "#\(index + 1)")", item, item.position))
            }
        }
        var violations: [Violation] = []
        for behaviour in behaviours {
            guard let behaviourMap = context.resolve(behaviour.value).map else { continue }
            guard let entry = behaviourMap.entry("ViewerProtocolPolicy") else {
                let position = behaviourMap.entries.first?.keyPosition ?? behaviour.fallback
                violations.append(Violation(position: position, detail: "\(behaviour.name) has no ViewerProtocolPolicy (CloudFront then allows HTTP)"))
                continue
            }
            let policy = context.resolve(entry.value)
            if case .unknown(let why) = policy { return .unknown(why) }
            if let text = policy.string, !Self.secure.contains(text) {
                violations.append(Violation(position: entry.keyPosition, detail: "\(behaviour.name) uses ViewerProtocolPolicy \(text)"))
            }
        }
        return .from(violations)
    }
}
