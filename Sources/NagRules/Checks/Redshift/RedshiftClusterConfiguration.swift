/// Redshift clusters encrypt their data (`Encrypted`) and deliver audit logs (`LoggingProperties`).
struct RedshiftClusterConfiguration: Check {
    let about = CheckAbout(
        resourceTypes: [RedshiftClusters.clusterType],
        cause: "The Redshift cluster is not encrypted, or does not write audit logs.",
        explanation: """
        A data warehouse holds an organisation's data in bulk. Encryption at rest protects its blocks, \
        backups and snapshots from anyone who obtains the storage; audit logs record connections, user \
        changes and queries, so access can be reviewed and investigated. A cluster is unencrypted unless \
        Encrypted is true, and logs nothing unless LoggingProperties is set.
        """,
        fix: "Set Encrypted: true (optionally with KmsKeyId) and LoggingProperties (BucketName, or LogDestinationType: cloudwatch with LogExports).",
        examples: [
            .compliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  Encrypted: true
                  LoggingProperties:
                    BucketName: dw-audit-logs
            """),
            .nonCompliant("""
            Resources:
              ↓Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
            """),
            .nonCompliant("""
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  ↓Encrypted: false
                  LoggingProperties:
                    BucketName: dw-audit-logs
            """),
            .nonCompliant("""
            Resources:
              ↓Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  Encrypted: true
            """),
            .compliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "true"
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  Encrypted: !Ref Encrypt
                  LoggingProperties:
                    LogDestinationType: cloudwatch
                    LogExports: [connectionlog, userlog, useractivitylog]
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.xlplus
                  DBName: dw
                  MasterUsername: admin
                  Encrypted: ↓!Ref Encrypt
                  LoggingProperties:
                    BucketName: dw-audit-logs
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        if resource[property: "Encrypted"] == nil && resource[property: "LoggingProperties"] == nil {
            return .violation(at: resource.position, "neither Encrypted nor LoggingProperties is set")
        }
        let written = { (property: String) in resource.properties.entry(property)?.keyPosition ?? resource.position }
        let encrypted = Scalar(resource, "Encrypted", in: context)
        let encryption: Verdict =
            if encrypted.isAbsent { .fails(at: written("Encrypted"), "Encrypted is not set") }
            else if let why = encrypted.unresolved { .undecided(why) }
            else if encrypted.truthy == true { .holds }
            else { .fails(at: written("Encrypted"), "Encrypted is not true") }
        let logging: Verdict =
            switch Presence(resource[property: "LoggingProperties"], in: context) {
            case .present: .holds
            case .absent: .fails(at: written("LoggingProperties"), "LoggingProperties is not set")
            case .unknown(let why): .undecided(why)
            }
        return Verdict.all([encryption, logging], empty: Witness(position: resource.position, detail: "")).outcome
    }
}
