/// Examples of Edge-ORIGIN1: one CloudFront → ALB template with each part varied in turn.
enum OriginLockExamples {
    struct Parts {
        var originHeaders = """
                      OriginCustomHeaders:
                        - HeaderName: X-Origin-Verify
                          HeaderValue: '{{resolve:secretsmanager:origin-secret:SecretString:value}}'
        """
        var domainName = "!GetAtt Alb.DNSName"
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
                        Values: ['{{resolve:secretsmanager:origin-secret:SecretString:value}}']
        """
        var scheme = "internet-facing"
        var parameters = ""
    }

    static func template(_ parts: Parts) -> String {
        """
        \(parts.parameters)Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - DomainName: \(parts.domainName)
                    Id: alb
                    CustomOriginConfig:
                      OriginProtocolPolicy: http-only
        \(parts.originHeaders)
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
        \(parts.defaultAction)
          ForwardRule:
            Type: AWS::ElasticLoadBalancingV2::ListenerRule
            Properties:
              ListenerArn: !Ref Listener
              Priority: 1
              Actions:
                - Type: forward
                  TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1
        \(parts.conditions)
        """
    }

    static func with(_ change: (inout Parts) -> Void) -> String {
        var parts = Parts()
        change(&parts)
        return template(parts)
    }

    static let all: [RuleExample] = [
        .compliant(template(Parts())),
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
        // Not a CloudFront origin once it is internal.
        .compliant(with { $0.scheme = "internal"; $0.originHeaders = "" }),
        .nonCompliant(with { $0.originHeaders = ""; $0.domainName = "↓!GetAtt Alb.DNSName" }),
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
                            Values: ['{{resolve:secretsmanager:origin-secret:SecretString:value}}']
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
