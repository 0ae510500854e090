/// AwsSolutions-CFR4: viewers connect over SNI with a TLS policy newer than TLSv1 (not the default certificate).
struct CloudFrontDistributionHttpsViewerNoOutdatedSSL: Check {
    static let outdated: Set<String> = ["sslv3", "tlsv1", "tlsv1_2016"]

    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.distributionType],
        cause: "The CloudFront distribution lets viewers connect with SSLv3 or TLSv1, or uses the default CloudFront certificate.",
        explanation: "SSLv3 and TLSv1 have known weaknesses that let an attacker read or alter traffic. The default *.cloudfront.net certificate cannot be given a minimum protocol version (it always accepts TLSv1), and the dedicated-IP (vip) method is needed only by clients without SNI.",
        fix: "Use your own certificate (AcmCertificateArn or IamCertificateId) with SslSupportMethod: sni-only and MinimumProtocolVersion TLSv1.2_2021 (or at least TLSv1.1_2016).",
        examples: [
            .compliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    ViewerCertificate:
                      AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
                      SslSupportMethod: sni-only
                      MinimumProtocolVersion: TLSv1.2_2021
            """),
            .nonCompliant("""
            Resources:
              ↓Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
            """),
            .nonCompliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    ViewerCertificate:
                      ↓CloudFrontDefaultCertificate: true
            """),
            .nonCompliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    ViewerCertificate:
                      AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
                      SslSupportMethod: sni-only
                      ↓MinimumProtocolVersion: TLSv1
            """),
            .unknown("""
            Parameters:
              Method:
                Type: String
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    ViewerCertificate:
                      AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
                      SslSupportMethod: ↓!Ref Method
                      MinimumProtocolVersion: TLSv1.2_2021
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config: ValueMap
        switch CloudFrontDistributions.config(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let map): config = map
        }
        let certificate = context.resolve(config["ViewerCertificate"])
        if let why = certificate.unresolved { return .unknown(why) }
        guard let map = certificate.map else { return .violation(at: resource.position) }
        var undecided: Unresolved?
        func position(_ key: String) -> Position {
            ComputeValues.position(of: key, in: map, else: config.entry("ViewerCertificate")?.keyPosition ?? resource.position)
        }
        switch ComputeValues.scalar(map["CloudFrontDefaultCertificate"], in: context) {
        case .failure(let why): undecided = why
        case .success(let value):
            if let value, Resolved.value(value).bool == true { return .violation(at: position("CloudFrontDefaultCertificate")) }
        }
        switch ComputeValues.scalar(map["SslSupportMethod"], in: context) {
        case .failure(let why): undecided = undecided ?? why
        case .success(let value):
            guard let method = value?.scalarText else { return .violation(at: position("SslSupportMethod")) }
            if method.lowercased() == "vip" { return .violation(at: position("SslSupportMethod")) }
        }
        switch ComputeValues.scalar(map["MinimumProtocolVersion"], in: context) {
        case .failure(let why): undecided = undecided ?? why
        case .success(let value):
            guard let version = value?.scalarText else { return .violation(at: position("MinimumProtocolVersion")) }
            if Self.outdated.contains(version.lowercased()) { return .violation(at: position("MinimumProtocolVersion")) }
        }
        return undecided.map { .unknown($0) } ?? .compliant
    }
}
