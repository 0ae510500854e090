/// EC2 instances and Auto Scaling groups require session tokens for the instance metadata service (IMDSv2),
/// on the instance itself or through the launch template or launch configuration they launch from.
///
/// Unlike cdk-nag, a launch specification without `LaunchTemplateName` matches only the launch template it
/// refers to (cdk-nag also takes the first launch template that has no name), and a name given as
/// `!GetAtt Template.LaunchTemplateName` is followed to that template.
struct EC2IMDSv2Enabled: Check {
    static let instanceType = EC2InstanceDetailedMonitoringEnabled.instanceType
    static let groupType = EC2EBSVolumeEncrypted.groupType
    static let launchTemplateType = EC2BlockDevices.launchTemplateType
    static let launchConfigurationType = EC2InstanceDetailedMonitoringEnabled.launchConfigurationType

    let about = CheckAbout(
        resourceTypes: [instanceType, groupType],
        cause: "The EC2 instance or Auto Scaling group does not require IMDSv2 session tokens.",
        explanation: "IMDSv1 answers any plain GET request from the instance, so a server-side request forgery or an open proxy on the instance hands out the credentials of its role. IMDSv2 needs a session token obtained with a PUT request first, which such attacks cannot send. An instance complies through its own MetadataOptions or its launch template; an Auto Scaling group through its launch template or launch configuration (groups with only a MixedInstancesPolicy are reported).",
        fix: "Set MetadataOptions HttpTokens: required on the instance, in the launch template's LaunchTemplateData, or on the launch configuration.",
        examples: [
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  MetadataOptions:
                    HttpTokens: required
            """),
            .compliant("""
            Resources:
              Plain:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    ImageId: ami-12345678
              Hardened:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateName: hardened
                  LaunchTemplateData:
                    ImageId: ami-12345678
                    MetadataOptions:
                      HttpTokens: required
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  LaunchTemplate:
                    LaunchTemplateName: !GetAtt Hardened.LaunchTemplateName
                    Version: !GetAtt Hardened.LatestVersionNumber
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  LaunchTemplate:
                    LaunchTemplateName: hardened
                    Version: "1"
            """),
            .compliant("""
            Parameters:
              Tokens:
                Type: String
                Default: required
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  MetadataOptions:
                    HttpTokens: !Ref Tokens
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  LaunchConfigurationName: !Ref Config
            """),
            .nonCompliant("""
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
            """),
            .nonCompliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  MetadataOptions:
                    ↓HttpTokens: optional
            """),
            .nonCompliant("""
            Resources:
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    ImageId: ami-12345678
                    MetadataOptions:
                      HttpTokens: optional
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  ↓LaunchTemplate:
                    LaunchTemplateId: !Ref Template
                    Version: !GetAtt Template.LatestVersionNumber
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ↓LaunchTemplate:
                    LaunchTemplateId: lt-0123456789abcdef0
                    Version: "1"
              ↓Mixed:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  MixedInstancesPolicy:
                    LaunchTemplate:
                      LaunchTemplateSpecification:
                        LaunchTemplateId: !Ref Template
                        Version: "1"
            """),
            .unknown("""
            Parameters:
              Tokens:
                Type: String
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  MetadataOptions:
                    HttpTokens: ↓!Ref Tokens
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  LaunchConfigurationName: !Ref Config
            """),
            .unknown("""
            Parameters:
              TemplateName:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  LaunchTemplate:
                    LaunchTemplateName: !Sub ↓"${TemplateName}-hardened"
                    Version: "1"
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource.type == Self.instanceType {
            let own = tokensRequired(PropertyLookup.find(resource, "MetadataOptions", "HttpTokens", in: context))
            if own.truth == .holds { return .compliant }
            switch Presence(resource[property: "LaunchTemplate"], in: context) {
            case .absent: return own.outcome
            case .unknown(let why): return .unknown(why)
            case .present:
                let fromTemplate = launchTemplateRequiresTokens(for: resource, in: context)
                return Verdict.some([own, fromTemplate], otherwise: fromTemplate) { $0 }.outcome
            }
        }
        switch Presence(resource[property: "LaunchTemplate"], in: context) {
        case .present: return launchTemplateRequiresTokens(for: resource, in: context).outcome
        case .unknown(let why): return .unknown(why)
        case .absent: break
        }
        switch Presence(resource[property: "LaunchConfigurationName"], in: context) {
        case .present: return launchConfigurationRequiresTokens(for: resource, in: context).outcome
        case .unknown(let why): return .unknown(why)
        case .absent: return .violation(at: resource.position, "the group launches from neither a launch template nor a launch configuration")
        }
    }

    /// Holds when `HttpTokens` is `required`; fails at its key (or the deepest key written).
    private func tokensRequired(_ found: PropertyLookup.Found, failingAt position: Position? = nil,
                                _ detail: String? = nil) -> Verdict {
        if let why = found.unresolved { return .undecided(why) }
        if found.resolved.string == "required" { return .holds }
        return .fails(at: position ?? found.position, detail ?? "HttpTokens is not required")
    }

    /// Whether the launch template that `resource`'s `LaunchTemplate` names requires tokens; a launch template
    /// that is not in the template fails.
    private func launchTemplateRequiresTokens(for resource: Resource, in context: RuleContext) -> Verdict {
        let at = resource.position(ofProperty: "LaunchTemplate")
        let specification = context.resolve(resource[property: "LaunchTemplate"])
        if let why = specification.unresolved { return .undecided(why) }
        guard let fields = specification.map else { return .fails(at: at, "LaunchTemplate is not a launch template specification") }
        switch launchTemplate(in: fields, context: context) {
        case .failure(let why): return .undecided(why)
        case .success(nil): return .fails(at: at, "the launch template is not defined in this template")
        case .success(let template?):
            return tokensRequired(PropertyLookup.find(template, "LaunchTemplateData", "MetadataOptions", "HttpTokens", in: context),
                                  failingAt: at, "launch template \(template.logicalId) does not require HttpTokens")
        }
    }

    /// The launch template a specification designates: by `LaunchTemplateId` (`Ref`, `GetAtt …LaunchTemplateId`),
    /// by `LaunchTemplateName` (`GetAtt …LaunchTemplateName`, or a name equal to a template's name).
    private func launchTemplate(in specification: ValueMap, context: RuleContext) -> Result<Resource?, Unresolved> {
        let id = context.resolve(specification["LaunchTemplateId"])
        if let link = id.resourceLink, link.attribute == nil || link.attribute == "LaunchTemplateId" {
            return .success(resource(link.logicalId, ofType: Self.launchTemplateType, in: context))
        }
        let name = context.resolve(specification["LaunchTemplateName"])
        if let link = name.resourceLink, link.attribute == "LaunchTemplateName" {
            return .success(resource(link.logicalId, ofType: Self.launchTemplateType, in: context))
        }
        if let text = name.string {
            return context.index(ResourcesByProperty<LaunchTemplateName>.self).firstDecided(withText: text)
        }
        if let why = id.unresolved ?? name.unresolved { return .failure(why) }
        return .success(nil)
    }

    /// Whether the launch configuration the group names requires tokens: by `Ref`, or by a name equal to a
    /// configuration's `LaunchConfigurationName` or logical id (as cdk-nag compares them).
    private func launchConfigurationRequiresTokens(for group: Resource, in context: RuleContext) -> Verdict {
        let at = group.position(ofProperty: "LaunchConfigurationName")
        let name = context.resolve(group[property: "LaunchConfigurationName"])
        if let why = name.unresolved { return .undecided(why) }
        let found: Resource?
        if let link = name.resourceLink {
            found = resource(link.logicalId, ofType: Self.launchConfigurationType, in: context)
        } else if let text = name.string {
            switch context.index(ResourcesByProperty<LaunchConfigurationName>.self).firstDecided(withText: text) {
            case .failure(let why): return .undecided(why)
            case .success(let configuration):
                found = configuration ?? resource(text, ofType: Self.launchConfigurationType, in: context)
            }
        } else {
            found = nil
        }
        guard let configuration = found else { return .fails(at: at, "the launch configuration is not defined in this template") }
        return tokensRequired(PropertyLookup.find(configuration, "MetadataOptions", "HttpTokens", in: context),
                              failingAt: at, "launch configuration \(configuration.logicalId) does not require HttpTokens")
    }

    private func resource(_ logicalId: String, ofType type: String, in context: RuleContext) -> Resource? {
        context.graph.resource(named: logicalId).flatMap { $0.type == type ? $0 : nil }
    }

    /// Launch configurations by their `LaunchConfigurationName`.
    private enum LaunchConfigurationName: IndexedProperty {
        static let type = launchConfigurationType
        static let property = "LaunchConfigurationName"
    }
}
