/// Every listener of a classic load balancer uses a certificate from AWS Certificate Manager.
struct ELBACMCertificateRequired: Check {
    static let certificateType = "AWS::CertificateManager::Certificate"

    let about = CheckAbout(
        resourceTypes: [ELBLoggingEnabled.classicType],
        cause: "A listener of the classic load balancer does not use an ACM certificate.",
        explanation: """
        A listener without a server certificate cannot terminate TLS, so it serves its clients unencrypted; \
        a certificate uploaded to IAM by hand must also be renewed and rotated by hand, and an expired one \
        breaks the service. AWS Certificate Manager renews its certificates and deploys them to the load \
        balancer automatically. The check asks every listener, whatever its protocol, for an SSLCertificateId \
        that is an ACM certificate ARN (arn:<partition>:acm:…).
        """,
        fix: "Serve each listener over HTTPS or SSL with SSLCertificateId set to an ACM certificate (!Ref an AWS::CertificateManager::Certificate, or its ARN).",
        examples: [
            .compliant("""
            Resources:
              Certificate:
                Type: AWS::CertificateManager::Certificate
                Properties:
                  DomainName: www.example.com
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [us-east-1a]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: HTTPS
                      SSLCertificateId: arn:aws:acm:us-east-1:123456789012:certificate/1
                    - LoadBalancerPort: "8443"
                      InstancePort: "443"
                      Protocol: SSL
                      SSLCertificateId: !Ref Certificate
            """),
            .nonCompliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [us-east-1a]
                  Listeners:
                    - ↓LoadBalancerPort: "80"
                      InstancePort: "80"
                      Protocol: HTTP
            """),
            .nonCompliant("""
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [us-east-1a]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: HTTPS
                      ↓SSLCertificateId: arn:aws:iam::123456789012:server-certificate/web
            """),
            .nonCompliant("""
            Parameters:
              Certificate:
                Type: String
                Default: arn:aws:iam::123456789012:server-certificate/web
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [us-east-1a]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: HTTPS
                      ↓SSLCertificateId: !Ref Certificate
            """),
            .compliant("""
            Parameters:
              Certificate:
                Type: String
                Default: arn:aws:acm:us-east-1:123456789012:certificate/1
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [us-east-1a]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: HTTPS
                      SSLCertificateId: !Sub "${Certificate}"
            """),
            .unknown("""
            Parameters:
              Certificate:
                Type: String
            Resources:
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  AvailabilityZones: [us-east-1a]
                  Listeners:
                    - LoadBalancerPort: "443"
                      InstancePort: "443"
                      Protocol: HTTPS
                      SSLCertificateId: ↓!Ref Certificate
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        guard let listeners = PropertyLookup.items(resource[property: "Listeners"], in: context) else { return .compliant }
        switch listeners {
        case .failure(let why):
            return .unknown(why)
        case .success(let listeners):
            return Verdict.every(listeners) { listener in
                guard let map = listener.map else { return listener.unresolved.map(Verdict.undecided) ?? .holds }
                return usesACMCertificate(map, at: listener.value?.position ?? resource.position, in: context)
            }.outcome
        }
    }

    /// Whether a listener's `SSLCertificateId` is an ACM certificate: an ARN of the `acm` service, or a
    /// `Ref` to an ACM certificate of the template (whose value is its ARN).
    private func usesACMCertificate(_ listener: ValueMap, at position: Position, in context: RuleContext) -> Verdict {
        let written = listener.entry("SSLCertificateId")
        let place = written?.keyPosition ?? position
        switch context.resolve(written?.value) {
        case .absent:
            return .fails(at: listener.entries.first?.keyPosition ?? position, "the listener has no SSLCertificateId")
        case .unknown(let why):
            return .undecided(why)
        case .resource(let link):
            let target = context.graph.resource(named: link.logicalId)
            if target?.type == Self.certificateType && link.attribute == nil { return .holds }
            if target?.type == "AWS::IAM::ServerCertificate" {
                return .fails(at: place, "SSLCertificateId names an IAM server certificate")
            }
            return .undecided(link.unknownUntilDeployed)
        case .value(let value):
            guard let arn = value.scalarText else { return .fails(at: place, "SSLCertificateId is not an ARN") }
            return Self.isACMArn(arn) ? .holds : .fails(at: place, "SSLCertificateId is not an ACM certificate ARN")
        }
    }

    /// `arn:<partition>:acm:<rest>`, as cdk-nag's pattern `^arn:[^:]+:acm:.+$` accepts it.
    static func isACMArn(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "arn" && !parts[1].isEmpty && parts[2] == "acm" && !parts[3].isEmpty
            && !parts[3].contains("\n")
    }
}
