/// How the EBS volumes of an instance, launch template or launch configuration are encrypted (EC26).
enum EC2BlockDevices {
    static let launchTemplateType = "AWS::EC2::LaunchTemplate"

    enum State {
        /// Every EBS mapping sets `Ebs.Encrypted` to true.
        case encrypted
        /// A mapping is not encrypted; where to point.
        case unencrypted(Position)
        /// No block device mappings.
        case absent
        case unknown(Unresolved)
    }

    /// The state of a `BlockDeviceMappings` list; `fallback` is where to point when a mapping has no key to point at.
    static func state(of mappings: Value?, fallback: Position, in context: RuleContext) -> State {
        let items: [Resolved]
        switch PropertyLookup.items(mappings, in: context) {
        case nil: return .absent
        case .failure(let why)?: return .unknown(why)
        case .success(let list)?: items = list
        }
        if items.isEmpty { return .absent }
        var sawEbs = false
        let encrypted = Verdict.everyMap(in: items) { mapping in
            let ebs = context.resolve(mapping["Ebs"])
            if let why = ebs.unresolved { return .undecided(why) }
            // A mapping without Ebs (an instance store or NoDevice) holds no EBS volume.
            guard let ebsMap = ebs.map else { return .holds }
            sawEbs = true
            let flag = Scalar(ebsMap["Encrypted"], in: context)
            if let why = flag.unresolved { return .undecided(why) }
            if flag.bool == true { return .holds }
            return .fails(at: ebsMap.entry("Encrypted")?.keyPosition ?? mapping.entry("Ebs")?.keyPosition ?? fallback)
        }
        switch encrypted.outcome {
        case .nonCompliant(let violations): return .unencrypted(violations.first?.position ?? fallback)
        case .unknown(let why): return .unknown(why)
        // Only instance-store mappings: the root EBS volume comes from the image, unencrypted unless it says so.
        default: return sawEbs ? .encrypted : .absent
        }
    }

    /// The state of a launch template's `LaunchTemplateData.BlockDeviceMappings`.
    static func state(ofLaunchTemplate template: Resource, fallback: Position, in context: RuleContext) -> State {
        let data = context.resolve(template, "LaunchTemplateData")
        if let why = data.unresolved { return .unknown(why) }
        return state(of: data.map?["BlockDeviceMappings"], fallback: fallback, in: context)
    }

    /// The launch template a `LaunchTemplate` specification names: by Ref/GetAtt to its id or name, or by its
    /// literal LaunchTemplateName.
    static func launchTemplate(in specification: Value?, in context: RuleContext) -> Resource? {
        guard let spec = context.resolve(specification).map else { return nil }
        for key in ["LaunchTemplateId", "LaunchTemplateName"] {
            let resolved = context.resolve(spec[key])
            if let id = resolved.resourceLink?.logicalId, let found = context.graph.resource(named: id),
               found.type == launchTemplateType {
                return found
            }
            if key == "LaunchTemplateName", let name = resolved.string {
                return context.index(ResourcesByProperty<LaunchTemplateName>.self).first(withText: name)
            }
        }
        return nil
    }
}

/// Launch templates by their `LaunchTemplateName`.
enum LaunchTemplateName: IndexedProperty {
    static let type = EC2BlockDevices.launchTemplateType
    static let property = "LaunchTemplateName"
}
