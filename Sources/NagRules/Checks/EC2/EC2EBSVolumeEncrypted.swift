/// AwsSolutions-EC26: EBS volumes, and the volumes instances, launch templates and launch configurations
/// attach, are encrypted.
struct EC2EBSVolumeEncrypted: Check {
    static let volumeType = "AWS::EC2::Volume"
    static let groupType = "AWS::AutoScaling::AutoScalingGroup"

    let about = CheckAbout(
        resourceTypes: [volumeType, EC2InstanceDetailedMonitoringEnabled.instanceType,
                        EC2InstanceDetailedMonitoringEnabled.launchConfigurationType, groupType],
        cause: "The EBS volume, or a volume the instance or Auto Scaling group attaches, is not encrypted.",
        explanation: "An unencrypted EBS volume stores its data, its snapshots and the data moving between it and the instance in the clear. Encryption at rest protects them if the storage or a snapshot is exposed. Instances count as encrypted when every block device mapping (of the instance or of its launch template) sets Ebs.Encrypted to true; Auto Scaling groups are checked through their launch templates: the group's own, or those of its mixed instances policy.",
        fix: "Set Encrypted: true on the volume, or Ebs.Encrypted: true on every block device mapping of the instance, launch template or launch configuration.",
        examples: [
            .compliant("""
            Resources:
              Disk:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Size: 10
                  Encrypted: true
            """),
            .nonCompliant("""
            Resources:
              ↓Disk:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Size: 10
            """),
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  BlockDeviceMappings:
                    - DeviceName: /dev/xvda
                      Ebs:
                        VolumeSize: 20
                        Encrypted: "true"
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
                  BlockDeviceMappings:
                    - DeviceName: /dev/xvda
                      ↓Ebs:
                        VolumeSize: 20
            """),
            .compliant("""
            Resources:
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    BlockDeviceMappings:
                      - DeviceName: /dev/xvda
                        Ebs:
                          Encrypted: true
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  LaunchTemplate:
                    LaunchTemplateId: !Ref Template
                    Version: !GetAtt Template.LatestVersionNumber
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  LaunchTemplate:
                    LaunchTemplateId: !Ref Template
                    Version: !GetAtt Template.LatestVersionNumber
            """),
            .nonCompliant("""
            Resources:
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateName: workers
                  LaunchTemplateData:
                    BlockDeviceMappings:
                      - DeviceName: /dev/xvda
                        Ebs:
                          Encrypted: false
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  ↓LaunchTemplate:
                    LaunchTemplateName: workers
                    Version: "1"
            """),
            // A mixed instances policy launches from its LaunchTemplateSpecification.
            .nonCompliant("""
            Resources:
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    BlockDeviceMappings:
                      - DeviceName: /dev/xvda
                        Ebs:
                          VolumeSize: 20
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  MixedInstancesPolicy:
                    LaunchTemplate:
                      ↓LaunchTemplateSpecification:
                        LaunchTemplateId: !Ref Template
                        Version: !GetAtt Template.LatestVersionNumber
            """),
            // ... and from the launch template an override names for its instance type.
            .nonCompliant("""
            Resources:
              Encrypted:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    BlockDeviceMappings:
                      - DeviceName: /dev/xvda
                        Ebs:
                          Encrypted: true
              Plain:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    InstanceType: c6g.large
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  MixedInstancesPolicy:
                    LaunchTemplate:
                      LaunchTemplateSpecification:
                        LaunchTemplateId: !Ref Encrypted
                        Version: "1"
                      Overrides:
                        - InstanceType: m5.large
                        - InstanceType: c6g.large
                          ↓LaunchTemplateSpecification:
                            LaunchTemplateId: !Ref Plain
                            Version: "1"
            """),
            .nonCompliant("""
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.micro
                  BlockDeviceMappings:
                    - DeviceName: /dev/xvda
                      Ebs:
                        ↓Encrypted: false
            """),
            .compliant("""
            Resources:
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-12345678
                  InstanceType: m1.small
                  BlockDeviceMappings:
                    - DeviceName: /dev/sdk
                      Ebs:
                        Encrypted: true
                    - DeviceName: /dev/sdc
                      VirtualName: ephemeral0
            """),
            .nonCompliant("""
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  BlockDeviceMappings:
                    - DeviceName: /dev/sdc
                      VirtualName: ephemeral0
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "false"
            Resources:
              Disk:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  ↓Encrypted: !Ref Encrypt
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Disk:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Encrypted: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch resource.type {
        case Self.volumeType:
            let encrypted = Scalar(resource, "Encrypted", in: context)
            if let why = encrypted.unresolved { return .unknown(why) }
            if encrypted.isAbsent { return .violation(at: resource.position) }
            return encrypted.bool == true ? .compliant : .violation(at: resource.position(ofProperty: "Encrypted"))
        case EC2InstanceDetailedMonitoringEnabled.launchConfigurationType:
            let state = EC2BlockDevices.state(of: resource.properties["BlockDeviceMappings"],
                                              fallback: resource.position(ofProperty: "BlockDeviceMappings"), in: context)
            return outcome(state, absentAt: resource.position)
        case Self.groupType:
            return evaluateGroup(resource, in: context)
        default:
            return evaluateInstance(resource, in: context)
        }
    }

    /// A group is judged by every launch template of the template it launches from: the one `LaunchTemplate`
    /// names, or those of its `MixedInstancesPolicy` (the group's specification and each override's). Not
    /// applicable when it names none of the template's launch templates.
    private func evaluateGroup(_ group: Resource, in context: RuleContext) -> RuleOutcome {
        var followed = false
        let verdict = Verdict.every(Self.launchTemplateSpecifications(of: group, in: context)) { specification, at in
            guard let template = EC2BlockDevices.launchTemplate(in: specification, in: context) else { return .holds }
            followed = true
            switch EC2BlockDevices.state(ofLaunchTemplate: template, fallback: at, in: context) {
            case .encrypted: return .holds
            case .unknown(let why): return .undecided(why)
            case .absent, .unencrypted:
                return .fails(at: at, "launch template \(template.logicalId) attaches unencrypted or no EBS volumes")
            }
        }
        return followed ? verdict.outcome : .notApplicable
    }

    /// The launch template specifications of an Auto Scaling group, each with the key it is written under:
    /// `LaunchTemplate`, or `MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification` and the
    /// `LaunchTemplateSpecification` of each of its `Overrides`.
    private static func launchTemplateSpecifications(of group: Resource, in context: RuleContext) -> [(Value, Position)] {
        if let direct = group.properties["LaunchTemplate"] {
            return [(direct, group.position(ofProperty: "LaunchTemplate"))]
        }
        guard let mixed = context.resolve(group, "MixedInstancesPolicy", "LaunchTemplate").map else { return [] }
        var specifications: [(Value, Position)] = []
        if let entry = mixed.entry("LaunchTemplateSpecification") { specifications.append((entry.value, entry.keyPosition)) }
        for item in context.resolve(mixed["Overrides"]).list ?? [] {
            if let entry = context.resolve(item).map?.entry("LaunchTemplateSpecification") {
                specifications.append((entry.value, entry.keyPosition))
            }
        }
        return specifications
    }

    private func evaluateInstance(_ instance: Resource, in context: RuleContext) -> RuleOutcome {
        let own = EC2BlockDevices.state(of: instance.properties["BlockDeviceMappings"],
                                        fallback: instance.position(ofProperty: "BlockDeviceMappings"), in: context)
        guard let template = EC2BlockDevices.launchTemplate(in: instance.properties["LaunchTemplate"], in: context) else {
            return outcome(own, absentAt: instance.position)
        }
        let at = instance.position(ofProperty: "LaunchTemplate")
        let fromTemplate = EC2BlockDevices.state(ofLaunchTemplate: template, fallback: at, in: context)
        switch (own, fromTemplate) {
        case (.unencrypted(let p), _): return .violation(at: p)
        case (_, .unencrypted): return .violation(at: at, "launch template \(template.logicalId) attaches an unencrypted EBS volume")
        case (.unknown(let why), _), (_, .unknown(let why)): return .unknown(why)
        case (.absent, .absent): return .violation(at: instance.position)
        default: return .compliant
        }
    }

    private func outcome(_ state: EC2BlockDevices.State, absentAt position: Position) -> RuleOutcome {
        switch state {
        case .encrypted: .compliant
        case .absent: .violation(at: position)
        case .unencrypted(let at): .violation(at: at)
        case .unknown(let why): .unknown(why)
        }
    }
}
