/// AwsSolutions-CFR1: a distribution restricts where in the world it may be viewed from.
struct CloudFrontDistributionGeoRestrictions: Check {
    let about = CheckAbout(
        resourceTypes: [CloudFrontDistributions.distributionType],
        cause: "The CloudFront distribution does not use geo restrictions.",
        explanation: "Geo restriction serves content only to the countries that need it (an allow list) or refuses the countries that must not get it (a block list). Content that has no business abroad should not be reachable from everywhere, for legal or licensing reasons or to shrink the audience of an attack.",
        fix: "Set DistributionConfig.Restrictions.GeoRestriction with RestrictionType whitelist or blacklist and the Locations it applies to.",
        examples: [
            .compliant("""
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Restrictions:
                      GeoRestriction:
                        RestrictionType: whitelist
                        Locations: [DE, FR]
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
                    Restrictions:
                      GeoRestriction:
                        ↓RestrictionType: none
            """),
            .unknown("""
            Parameters:
              Block:
                Type: String
            Conditions:
              Blocking: !Equals [!Ref Block, "yes"]
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Restrictions:
                      GeoRestriction: ↓!If
                        - Blocking
                        - RestrictionType: whitelist
                          Locations: [GB]
                        - RestrictionType: none
            """),
            .unknown("""
            Parameters:
              Kind:
                Type: String
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Restrictions:
                      GeoRestriction:
                        RestrictionType: ↓!Ref Kind
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let config: ValueMap
        switch CloudFrontDistributions.config(of: resource, in: context) {
        case .failure(let why): return .unknown(why)
        case .success(let map): config = map
        }
        let restrictions = context.resolve(config["Restrictions"])
        switch restrictions {
        case .absent: return .violation(at: resource.position)
        case .unknown(let why): return .unknown(why)
        default: break
        }
        let geo = context.resolve(restrictions.map?["GeoRestriction"])
        if let why = geo.unresolved { return .unknown(why) }
        guard let geoMap = geo.map else {
            return .violation(at: restrictions.map?.entry("GeoRestriction")?.keyPosition ?? resource.position)
        }
        let type = Scalar(geoMap["RestrictionType"], in: context)
        if let why = type.unresolved { return .unknown(why) }
        return type.text == "none"
            ? .violation(at: PropertyLookup.position(of: "RestrictionType", in: geoMap, else: resource.position)) : .compliant
    }
}
