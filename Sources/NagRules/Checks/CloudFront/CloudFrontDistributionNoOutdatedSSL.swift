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
        let config: ValueMap
        switch CloudFrontDistributions.config(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let map): config = map
        }
        guard let origins = ComputeValues.items(config["Origins"], in: context) else { return .compliant }
        let items: [Resolved]
        switch origins {
        case .failure(let why): return .unknown(why)
        case .success(let list): items = list
        }
        var undecided: Unresolved?
        for origin in items {
            guard let originMap = origin.map else {
                if let why = origin.unresolved { undecided = undecided ?? why }
                continue
            }
            let custom = context.resolve(originMap["CustomOriginConfig"])
            if let why = custom.unresolved { undecided = undecided ?? why; continue }
            guard let customMap = custom.map else { continue }
            let at = originMap.entry("CustomOriginConfig")?.keyPosition ?? resource.position
            switch ComputeValues.scalar(customMap["OriginProtocolPolicy"], in: context) {
            case .failure(let why): undecided = undecided ?? why; continue
            case .success(let value):
                if value?.scalarText != "https-only" {
                    return .violation(at: ComputeValues.position(of: "OriginProtocolPolicy", in: customMap, else: at))
                }
            }
            guard let protocols = ComputeValues.items(customMap["OriginSSLProtocols"], in: context) else {
                return .violation(at: at)
            }
            switch protocols {
            case .failure(let why): undecided = undecided ?? why
            case .success(let list):
                for item in list {
                    if let why = item.unresolved { undecided = undecided ?? why; continue }
                    if let text = item.string, Self.outdated.contains(text.lowercased()) {
                        return .violation(at: ComputeValues.position(of: "OriginSSLProtocols", in: customMap, else: at))
                    }
                }
            }
        }
        return undecided.map { .unknown($0) } ?? .compliant
    }
}
