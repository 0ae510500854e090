/// AwsSolutions-CFR7: a distribution reads S3 bucket origins of the template through an origin access control.
struct CloudFrontDistributionS3OriginAccessControl: Check {
    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.distributionType],
        cause: "The CloudFront distribution does not use an origin access control with an S3 origin.",
        explanation: "Origin access control (OAC) signs CloudFront's requests to the bucket, so the bucket can stay private and accept only this distribution. It supersedes origin access identities: it supports SSE-KMS, all regions and dynamic requests.",
        fix: "Create an AWS::CloudFront::OriginAccessControl and set OriginAccessControlId on each origin whose DomainName is a bucket of the template.",
        examples: [
            .compliant("""
            Resources:
              Site:
                Type: AWS::S3::Bucket
              Control:
                Type: AWS::CloudFront::OriginAccessControl
                Properties:
                  OriginAccessControlConfig:
                    Name: site
                    OriginAccessControlOriginType: s3
                    SigningBehavior: always
                    SigningProtocol: sigv4
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: site
                        DomainName: !GetAtt Site.RegionalDomainName
                        OriginAccessControlId: !GetAtt Control.Id
                        S3OriginConfig: {}
            """),
            .nonCompliant("""
            Resources:
              Site:
                Type: AWS::S3::Bucket
              ↓Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: site
                        DomainName: !GetAtt Site.RegionalDomainName
                        S3OriginConfig: {}
            """),
            .unknown("""
            Parameters:
              Control:
                Type: String
            Resources:
              Site:
                Type: AWS::S3::Bucket
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins:
                      - Id: site
                        DomainName: !GetAtt Site.RegionalDomainName
                        OriginAccessControlId: ↓!Ref Control
                        S3OriginConfig: {}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        CloudFrontDistributions.everyOrigin(of: resource, in: context) { origin in
            guard let bucketId = context.resolve(origin["DomainName"]).resourceLink?.logicalId,
                  context.graph.resource(named: bucketId)?.type == S3Buckets.bucketType else { return .holds }
            switch context.resolve(origin["OriginAccessControlId"]) {
            case .absent: return .fails(at: resource.position)
            case .unknown(let why): return .undecided(why)
            case .resource: return .holds
            case .value(let v):
                guard let text = v.scalarText, text.allSatisfy(\.isWhitespace) else { return .holds }
                return .fails(at: resource.position)
            }
        }
    }
}
