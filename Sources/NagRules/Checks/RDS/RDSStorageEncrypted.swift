/// AwsSolutions-RDS2: RDS instances and Aurora clusters encrypt their storage.
struct RDSStorageEncrypted: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType, RDSDatabases.instanceType],
        cause: "The RDS instance or Aurora cluster does not encrypt its storage.",
        explanation: "Unencrypted database storage leaves the data, its automated backups, snapshots and read replicas readable by anyone who obtains the underlying volumes or snapshots. Aurora instances inherit encryption from their cluster and are checked there.",
        fix: "Set StorageEncrypted to true (optionally with KmsKeyId) on the DB cluster, or on the DB instance for non-Aurora engines.",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: "true"
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  StorageEncrypted: true
              ClusterMember:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: aurora-mysql
                  DBClusterIdentifier: !Ref Cluster
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
            """),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
                  ↓StorageEncrypted: false
            """),
            .nonCompliant("""
            Resources:
              ↓Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                Default: "false"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  ↓StorageEncrypted: !Ref Encrypt
            """),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  StorageEncrypted: ↓!Ref Encrypt
            """),
            .unknown("""
            Parameters:
              Engine:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: ↓!Ref Engine
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let encrypted = Scalar(resource, "StorageEncrypted", in: context)
        if resource.type == RDSDatabases.clusterType {
            if encrypted.isAbsent { return .violation(at: resource.position, "StorageEncrypted is not set") }
            if let why = encrypted.unresolved { return .unknown(why) }
            return encrypted.looselyFalse == true ? .violation(at: resource.position(ofProperty: "StorageEncrypted")) : .compliant
        }
        if let why = encrypted.unresolved { return .unknown(why) }
        guard encrypted.looselyFalse == true || encrypted.isAbsent else { return .compliant }
        let engine = RDSDatabases.engine(of: resource, in: context)
        if let why = engine.unresolved { return .unknown(why) }
        return RDSDatabases.isAurora(resource, in: context) == true ? .compliant : .violation(at: RDSDatabases.position(of: "StorageEncrypted", in: resource))
    }
}
