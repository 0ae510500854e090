/// AwsSolutions-EMR6: the cluster authenticates users with Kerberos or an EC2 key pair.
struct EMRAuthEC2KeyPairOrKerberos: Check {
    let about = CheckAbout(
        resourceTypes: [EMRClusters.clusterType],
        cause: "The EMR cluster uses neither Kerberos nor an EC2 key pair for authentication.",
        explanation: "Users and applications connecting to the cluster's nodes must prove who they are. Without Kerberos attributes or an EC2 key pair there is no way to control or trace who logs in to the cluster.",
        fix: "Set KerberosAttributes (with a security configuration that enables Kerberos), or Instances.Ec2KeyName.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  Instances:
                    Ec2KeyName: analytics-admin
            """),
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  Instances: {}
                  KerberosAttributes:
                    Realm: EC2.INTERNAL
                    KdcAdminPassword: "{{resolve:secretsmanager:kdc}}"
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  Instances:
                    KeepJobFlowAliveWhenNoSteps: true
            """),
            .nonCompliant("""
            Parameters:
              KeyName:
                Type: String
                Default: ""
            Conditions:
              HasKey: !Not [!Equals [!Ref KeyName, ""]]
            Resources:
              ↓Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  Instances:
                    Ec2KeyName: !If [HasKey, !Ref KeyName, !Ref AWS::NoValue]
            """),
            .compliant("""
            Parameters:
              KeyName:
                Type: AWS::EC2::KeyPair::KeyName
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  Instances:
                    Ec2KeyName: !Ref KeyName
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if !PropertyLookup.find(resource, "KerberosAttributes", in: context).resolved.isAbsent { return .compliant }
        let keyName = PropertyLookup.find(resource, "Instances", "Ec2KeyName", in: context)
        if case .unknown(let why) = keyName.resolved, keyName.position == resource.position(ofProperty: "Instances") {
            return .unknown(why)
        }
        return keyName.resolved.isAbsent ? .violation(at: resource.position) : .compliant
    }
}
