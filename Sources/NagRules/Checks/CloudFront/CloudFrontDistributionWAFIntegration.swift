/// AwsSolutions-CFR2: a distribution is protected by a WAF web ACL.
struct CloudFrontDistributionWAFIntegration: Check {
    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.distributionType],
        cause: "The CloudFront distribution is not associated with a WAF web ACL.",
        explanation: "AWS WAF inspects the requests reaching a distribution and blocks common attacks (SQL injection, cross-site scripting, bad bots, request floods) before they reach the origin.",
        fix: "Set DistributionConfig.WebACLId to the ARN of a WAFv2 web ACL with scope CLOUDFRONT.",
        examples: [
            .compliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    WebACLId: !GetAtt Firewall.Arn
              Firewall:
                Type: AWS::WAFv2::WebACL
                Properties:
                  Scope: CLOUDFRONT
                  DefaultAction:
                    Allow: {}
                  VisibilityConfig:
                    SampledRequestsEnabled: true
                    CloudWatchMetricsEnabled: true
                    MetricName: cdn
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
            Conditions:
              Protect: !Equals [a, b]
            Resources:
              ↓Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    WebACLId: !If [Protect, arn:aws:wafv2:us-east-1:111122223333:global/webacl/x/1, !Ref AWS::NoValue]
            """),
.compliant("""
            Parameters:
              Acl:
                Type: String
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    WebACLId: !Ref Acl
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              Protect: !Equals [!Ref Stage, prod]
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    WebACLId: ↓!If [Protect, arn:aws:wafv2:us-east-1:111122223333:global/webacl/x/1, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch CloudFrontDistributions.config(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let config):
            switch Presence(config["WebACLId"], in: context) {
            case .absent: return .violation(at: resource.position)
            case .unknown(let why): return .unknown(why)
            case .present: return .compliant
            }
        }
    }
}
