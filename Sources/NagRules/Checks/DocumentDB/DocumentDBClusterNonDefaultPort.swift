/// AwsSolutions-DOC2: DocumentDB clusters listen on a port other than 27017.
struct DocumentDBClusterNonDefaultPort: Check {
    let about = CheckAbout(
        resourceTypes: [DocumentDBClusters.clusterType],
        cause: "The DocumentDB cluster uses the default port 27017.",
        explanation: "Scanners probe the well-known MongoDB port. A port of your own choosing does not replace network controls, but removes the cluster from the cheapest automated attacks. As in cdk-nag, leaving Port out counts as the default.",
        fix: "Set Port to a value other than 27017.",
        examples: [
            .compliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  Port: 27018
            """),
            .nonCompliant("""
            Resources:
              ↓Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  StorageEncrypted: true
            """),
            .nonCompliant("""
            Parameters:
              Port:
                Type: Number
                Default: 27017
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  ↓Port: !Ref Port
            """),
            .unknown("""
            Parameters:
              Port:
                Type: Number
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  Port: ↓!Ref Port
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let port = Scalar(resource, "Port", in: context)
        if port.isAbsent { return .violation(at: resource.position, "Port is not set") }
        if let why = port.unresolved { return .unknown(why) }
        return port.number == 27017 ? .violation(at: resource.position(ofProperty: "Port")) : .compliant
    }
}
