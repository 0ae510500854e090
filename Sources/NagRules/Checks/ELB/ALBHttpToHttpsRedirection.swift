/// Load balancer listeners that accept plain HTTP redirect every request to HTTPS by default.
struct ALBHttpToHttpsRedirection: Check {
    let about = CheckAbout(
        resourceTypes: [LoadBalancersV2.listenerType],
        cause: "The HTTP listener does not redirect requests to HTTPS.",
        explanation: """
        A listener on plain HTTP serves whatever it forwards unencrypted, so credentials, cookies and data can \
        be read or changed on the way. Keeping an HTTP listener only to send clients a redirect to HTTPS lets \
        them reach the service by either scheme while the traffic itself always travels encrypted.
        """,
        fix: "Give the HTTP listener a default action of Type: redirect with RedirectConfig Protocol: HTTPS (Port: \"443\", StatusCode: HTTP_301), and serve the application from an HTTPS listener.",
        examples: [
            .compliant("""
            Resources:
              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig:
                        Protocol: HTTPS
                        Port: "443"
                        StatusCode: HTTP_301
              HttpsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 443
                  Protocol: HTTPS
                  Certificates: [{CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/1}]
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
            .nonCompliant("""
            Resources:
              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
                  ↓DefaultActions:
                    - Type: forward
                      TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1
            """),
            .nonCompliant("""
            Resources:
              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig:
                        ↓Protocol: "#{protocol}"
                        Host: www.example.com
                        StatusCode: HTTP_301
            """),
            .nonCompliant("""
            Resources:
              ↓GatewayListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
            """),
            .compliant("""
            Parameters:
              Scheme:
                Type: String
                Default: HTTPS
            Conditions:
              Redirect: !Equals [!Ref Scheme, HTTPS]
            Resources:
              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - !If
                      - Redirect
                      - Type: redirect
                        RedirectConfig: {Protocol: !Ref Scheme, Port: "443", StatusCode: HTTP_301}
                      - Type: fixed-response
                        FixedResponseConfig: {StatusCode: "404"}
            """),
            .nonCompliant("""
            Parameters:
              ListenerProtocol:
                Type: String
                Default: HTTP
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: !Ref ListenerProtocol
                  ↓DefaultActions:
                    - Type: fixed-response
                      FixedResponseConfig: {StatusCode: "404"}
            """),
            .unknown("""
            Parameters:
              ListenerProtocol:
                Type: String
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: ↓!Ref ListenerProtocol
                  DefaultActions:
                    - Type: fixed-response
                      FixedResponseConfig: {StatusCode: "404"}
            """),
            .unknown("""
            Parameters:
              Scheme:
                Type: String
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig: {Protocol: ↓!Ref Scheme, Port: "443", StatusCode: HTTP_301}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let listenerProtocol = Scalar(resource, "Protocol", in: context)
        if let why = listenerProtocol.unresolved { return .unknown(why) }
        guard listenerProtocol.text == "HTTP" else { return .compliant }
        switch PropertyLookup.items(resource[property: "DefaultActions"], in: context) {
        case nil:
            return .violation(at: resource.position, "DefaultActions is not set")
        case .failure(let why)?:
            return .unknown(why)
        case .success(let actions)?:
            var wrongProtocol: Position?
            let noRedirect = Verdict.fails(at: resource.position(ofProperty: "DefaultActions"),
                                           "no default action redirects to HTTPS")
            let verdict = Verdict.someMap(in: actions, otherwise: noRedirect) { action in
                let type = Scalar(action["Type"], in: context)
                if let why = type.unresolved { return .undecided(why) }
                guard type.text == "redirect" else { return .fails }
                let redirect = context.resolve(action["RedirectConfig"])
                if let why = redirect.unresolved { return .undecided(why) }
                let target = Scalar(redirect.map?["Protocol"], in: context)
                if let why = target.unresolved { return .undecided(why) }
                if target.text == "HTTPS" { return .holds }
                wrongProtocol = wrongProtocol ?? redirect.map?.entry("Protocol")?.keyPosition
                return .fails
            }
            if verdict.truth == .fails, let wrongProtocol {
                return .violation(at: wrongProtocol, "the redirect does not go to HTTPS")
            }
            return verdict.outcome
        }
    }
}
