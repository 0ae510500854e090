/// AwsSolutions-CFR5: custom origins are reached over HTTPS only, without SSLv3 or TLSv1.
struct CloudFrontDistributionNoOutdatedSSL: Check {
    static let outdated: Set<String> = ["sslv3", "tlsv1"]

    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.distributionType],
        cause: "The CloudFront distribution reaches a custom origin over HTTP, or allows SSLv3 or TLSv1 to it.",
        explanation: "Traffic between CloudFront and a custom origin crosses the internet. Plain HTTP, SSLv3 and TLSv1 let an attacker on the path read or alter it; the origin connection should be as strong as the viewer connection.",
        fix: "For every origin with CustomOriginConfig, set OriginProtocolPolicy: https-only and OriginSSLProtocols to [TLSv1.2] (or TLSv1.1 and TLSv1.2).",
        examples: [
            .compliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: api
                        DomainName: api.example.com
                        CustomOriginConfig:
                          OriginProtocolPolicy: https-only
                          OriginSSLProtocols: [TLSv1.2]
            """),
            .nonCompliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: api
                        DomainName: api.example.com
                        CustomOriginConfig:
                          ↓OriginProtocolPolicy: http-only
            """),
            .nonCompliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: api
                        DomainName: api.example.com
                        ↓CustomOriginConfig:
                          OriginProtocolPolicy: https-only
            """),
            .nonCompliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: api
                        DomainName: api.example.com
                        CustomOriginConfig:
                          OriginProtocolPolicy: https-only
                          ↓OriginSSLProtocols: [TLSv1, TLSv1.2]
            """),
            .unknown("""
            Parameters:
              Policy:
                Type: String
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: api
                        DomainName: api.example.com
                        CustomOriginConfig:
                          OriginProtocolPolicy: ↓!Ref Policy
                          OriginSSLProtocols: [TLSv1.2]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        CloudFrontDistributions.everyOrigin(of: resource, in: context) { origin in
            let custom = context.resolve(origin["CustomOriginConfig"])
            if let why = custom.unresolved { return .undecided(why) }
            guard let customMap = custom.map else { return .holds }
            return reachedSecurely(customMap, at: PropertyLookup.position(of: "CustomOriginConfig", in: origin, else: resource.position),
                                   in: context)
        }
    }

    /// Holds when a custom origin is reached over HTTPS only, with no outdated protocol.
    private func reachedSecurely(_ custom: ValueMap, at position: Position, in context: RuleContext) -> Verdict {
        let policy = Scalar(custom["OriginProtocolPolicy"], in: context)
        if let why = policy.unresolved { return .undecided(why) }
        if policy.text != "https-only" {
            return .fails(at: PropertyLookup.position(of: "OriginProtocolPolicy", in: custom, else: position))
        }
        switch PropertyLookup.items(custom["OriginSSLProtocols"], in: context) {
        case nil: return .fails(at: position)
        case .failure(let why)?: return .undecided(why)
        case .success(let protocols)?:
            return Verdict.every(protocols) { item in
                if let why = item.unresolved { return .undecided(why) }
                guard let text = item.string, Self.outdated.contains(text.lowercased()) else { return .holds }
                return .fails(at: PropertyLookup.position(of: "OriginSSLProtocols", in: custom, else: position))
            }
        }
    }
}
