/// An EMR cluster authenticates with Kerberos: it declares `KerberosAttributes`.
struct EMRKerberosEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [EMRClusters.clusterType],
        cause: "The EMR cluster does not use Kerberos authentication.",
        explanation: "Without Kerberos, the cluster's applications (Hadoop, Spark, Hive) trust whatever user name a client presents, so anyone who reaches the cluster can act as any user. Kerberos makes users and services prove who they are before they run jobs or read data.",
        fix: "Set KerberosAttributes (Realm and KdcAdminPassword) on the cluster, with a security configuration that enables Kerberos authentication.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  KerberosAttributes:
                    Realm: EC2.INTERNAL
                    KdcAdminPassword: '{{resolve:secretsmanager:emr-kdc}}'
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  ReleaseLabel: emr-7.1.0
            """),
            .nonCompliant("""
            Parameters:
              Secure:
                Type: String
                Default: "no"
            Conditions:
              Kerberized: !Equals [!Ref Secure, "yes"]
            Resources:
              ↓Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  KerberosAttributes: !If [Kerberized, {Realm: EC2.INTERNAL, KdcAdminPassword: secret}, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Secure:
                Type: String
            Conditions:
              Kerberized: !Equals [!Ref Secure, "yes"]
            Resources:
              Cluster:
                Type: AWS::EMR::Cluster
                Properties:
                  KerberosAttributes: ↓!If [Kerberized, {Realm: EC2.INTERNAL, KdcAdminPassword: secret}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "KerberosAttributes"], in: context) {
        case .absent: .violation(at: resource.position, "KerberosAttributes is not set")
        case .unknown(let why): .unknown(why)
        case .present: .compliant
        }
    }
}
