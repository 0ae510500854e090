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
        let fallback = config.entry("ViewerCertificate")?.keyPosition ?? resource.position
        // Each setting must pass its test; one that cannot be read leaves the others to decide.
        let tests: [(key: String, passes: (Scalar) -> Bool)] = [
            ("CloudFrontDefaultCertificate", { $0.bool != true }),
            ("SslSupportMethod", { $0.lowercased.map { $0 != "vip" } ?? false }),
            ("MinimumProtocolVersion", { $0.lowercased.map { !Self.outdated.contains($0) } ?? false }),
        ]
        return Verdict.every(tests) { test in
            let setting = Scalar(map[test.key], in: context)
            if let why = setting.unresolved { return .undecided(why) }
            return test.passes(setting) ? .holds : .fails(at: PropertyLookup.position(of: test.key, in: map, else: fallback))
        }.outcome
    }
}
