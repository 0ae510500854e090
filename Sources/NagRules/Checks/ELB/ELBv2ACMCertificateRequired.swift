/// Application, network and gateway load balancer listeners name a certificate (a `CertificateArn`).
struct ELBv2ACMCertificateRequired: Check {
    let about = CheckAbout(
        resourceTypes: [LoadBalancersV2.listenerType],
        cause: "The load balancer listener does not use a certificate.",
        explanation: """
        A listener without a server certificate cannot terminate TLS, so it serves its clients unencrypted. \
        A certificate from AWS Certificate Manager is renewed and deployed to the load balancer \
        automatically, which avoids outages from expired certificates. The check asks every listener, \
        whatever its protocol, for a Certificates entry with a CertificateArn.
        """,
        fix: "Serve the listener over HTTPS or TLS and set Certificates: [{CertificateArn: <an ACM certificate ARN>}].",
        examples: [
            .compliant("""
            Resources:
              Certificate:
                Type: AWS::CertificateManager::Certificate
                Properties:
                  DomainName: www.example.com
              HttpsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 443
                  Protocol: HTTPS
                  Certificates:
                    - CertificateArn: !Ref Certificate
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
            .nonCompliant("""
            Resources:
              ↓HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
            .nonCompliant("""
            Parameters:
              UseCertificate:
                Type: String
                Default: "no"
            Conditions:
              WithCertificate: !Equals [!Ref UseCertificate, "yes"]
            Resources:
              TlsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/1
                  Port: 443
                  Protocol: TLS
                  ↓Certificates:
                    - CertificateArn: !If [WithCertificate, arn:aws:acm:us-east-1:123456789012:certificate/1, !Ref AWS::NoValue]
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
            .compliant("""
            Parameters:
              CertificateArn:
                Type: String
            Resources:
              HttpsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 443
                  Protocol: HTTPS
                  Certificates:
                    - CertificateArn: !Ref CertificateArn
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
            .unknown("""
            Parameters:
              UseCertificate:
                Type: String
            Conditions:
              WithCertificate: !Equals [!Ref UseCertificate, "yes"]
            Resources:
              TlsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/1
                  Port: 443
                  Protocol: TLS
                  Certificates:
                    - CertificateArn: ↓!If [WithCertificate, arn:aws:acm:us-east-1:123456789012:certificate/1, !Ref AWS::NoValue]
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch PropertyLookup.items(resource[property: "Certificates"], in: context) {
        case nil:
            return .violation(at: resource.position, "Certificates is not set")
        case .failure(let why)?:
            return .unknown(why)
        case .success(let certificates)?:
            let none = Verdict.fails(at: resource.position(ofProperty: "Certificates"), "no certificate has a CertificateArn")
            return Verdict.someMap(in: certificates, otherwise: none) { certificate in
                switch Presence(certificate["CertificateArn"], in: context) {
                case .present: .holds
                case .absent: .fails
                case .unknown(let why): .undecided(why)
                }
            }.outcome
        }
    }
}
