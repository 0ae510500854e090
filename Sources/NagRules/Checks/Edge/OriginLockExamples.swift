/// Examples of Edge-ORIGIN1: one CloudFront → ALB template with each part varied in turn.
///
/// Parts are written without indentation and indented where they are placed, so YAML nesting stays right.
enum OriginLockExamples {
    static let secretReference = "'{{resolve:secretsmanager:origin-secret:SecretString:value}}'"

    struct Parts {
        var parameters = ""
        /// Placed before the origin's first key, where a finding about the whole origin points.
        var originMarker = ""
        var domainName = "!GetAtt Alb.DNSName"
        var scheme = "internet-facing"
        var originHeaders = """
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: \(secretReference)
            """
        var defaultAction = """
            - Type: fixed-response
              FixedResponseConfig:
                StatusCode: "403"
            """
        var conditions = """
            Conditions:
              - Field: http-header
                HttpHeaderConfig:
                  HttpHeaderName: X-Origin-Verify
                  Values: [\(secretReference)]
            """
    }

    static func indent(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }

    static func template(_ parts: Parts) -> String {
        parts.parameters + """
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - \(parts.originMarker)DomainName: \(parts.domainName)
                    Id: alb
                    CustomOriginConfig:
                      OriginProtocolPolicy: http-only
        \(indent(parts.originHeaders, 12))
                DefaultCacheBehavior:
                  TargetOriginId: alb
                  ViewerProtocolPolicy: redirect-to-https
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Scheme: \(parts.scheme)
              Subnets: [subnet-1, subnet-2]
          Listener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 80
              Protocol: HTTP
              DefaultActions:
        \(indent(parts.defaultAction, 8))
          ForwardRule:
            Type: AWS::ElasticLoadBalancingV2::ListenerRule
            Properties:
              ListenerArn: !Ref Listener
              Priority: 1
              Actions:
                - Type: forward
                  TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1
        \(indent(parts.conditions, 6))
        """
    }

    static func with(_ change: (inout Parts) -> Void) -> String {
        var parts = Parts()
        change(&parts)
        return template(parts)
    }

    static let all: [RuleExample] = [
        .compliant(template(Parts())),
        // A NoEcho parameter on both sides, and the origin domain built with Sub.
        .compliant(with {
            $0.parameters = """
            Parameters:
              OriginSecret:
                Type: String
                NoEcho: true

            """
            $0.domainName = "!Sub \"${Alb.DNSName}\""
            $0.originHeaders = """
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: !Ref OriginSecret
            """
            $0.conditions = """
            Conditions:
              - Field: http-header
                HttpHeaderConfig:
                  HttpHeaderName: x-origin-verify
                  Values: [!Ref OriginSecret]
            """
        }),
        // An internal load balancer is not reachable from the internet: not applicable.
        .compliant(with { $0.scheme = "internal"; $0.originHeaders = "" }),
        .nonCompliant(with { $0.originHeaders = ""; $0.originMarker = "↓" }),
        .nonCompliant(with {
            $0.defaultAction = """
            - ↓Type: forward
              TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1
            """
        }),
        .nonCompliant(with {
            $0.conditions = """
            ↓Conditions:
              - Field: path-pattern
                PathPatternConfig:
                  Values: ["/*"]
            """
        }),
        .nonCompliant(with {
            $0.conditions = """
            Conditions:
              - Field: http-header
                HttpHeaderConfig:
                  HttpHeaderName: ↓X-From-Cdn
                  Values: [\(secretReference)]
            """
        }),
        .nonCompliant(with {
            $0.conditions = """
            Conditions:
              - Field: http-header
                HttpHeaderConfig:
                  HttpHeaderName: X-Origin-Verify
                  ↓Values: ['{{resolve:secretsmanager:other-secret:SecretString:value}}']
            """
        }),
        // A literal secret: a warning-level finding at the value.
        .nonCompliant(with {
            $0.originHeaders = """
            OriginCustomHeaders:
              - HeaderName: X-Origin-Verify
                HeaderValue: ↓s3cr3t-value
            """
            $0.conditions = """
            Conditions:
              - Field: http-header
                HttpHeaderConfig:
                  HttpHeaderName: X-Origin-Verify
                  Values: [s3cr3t-value]
            """
        }),
    ]
}
