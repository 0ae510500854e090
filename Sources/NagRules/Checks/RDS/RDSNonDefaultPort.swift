/// AwsSolutions-RDS11: RDS instances and Aurora clusters listen on a port other than their engine's default.
struct RDSNonDefaultPort: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType, RDSDatabases.instanceType],
        cause: "The RDS instance or Aurora cluster uses its engine's default port.",
        explanation: "Automated scans probe the well-known database ports (3306, 5432, 1521, 1433). A non-default port does not replace network controls, but it takes the database out of the cheapest attacks. As in cdk-nag, an Aurora cluster must set Port explicitly, and a non-Aurora instance without a Port uses the default.",
        fix: "Set Port to a value other than the engine's default on the DB cluster, or on the DB instance for non-Aurora engines.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  Port: 3307
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: aurora-mysql
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  Port: "5433"
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
                  EngineMode: serverless
                  ↓Port: 5432
            """),
            .nonCompliant("""
            Resources:
              ↓Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mariadb
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: oracle-ee
                  ↓Port: 1521
            """),
            .nonCompliant("""
            Parameters:
              Port:
                Type: Number
                Default: 3306
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  ↓Port: !Ref Port
            """),
            .unknown("""
            Parameters:
              Port:
                Type: Number
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  Port: ↓!Ref Port
            """),
        ])

    static let defaults: Set<Double> = [3306, 5432, 1521, 1433]

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let port = Scalar(resource, "Port", in: context)
        let engine = RDSDatabases.engine(of: resource, in: context)
        let portKey = resource.position(ofProperty: "Port")
        if resource.type == RDSDatabases.clusterType {
            if port.isAbsent { return .violation(at: resource.position, "Port is not set") }
            if let number = port.number, !Self.defaults.contains(number) { return .compliant }
            if let why = port.unresolved { return .unknown(why) }
            let mode = Scalar(resource, "EngineMode", in: context)
            if let why = engine.unresolved ?? mode.unresolved { return .unknown(why) }
            let name = engine.lowercased ?? ""
            let modeName = mode.lowercased ?? "provisioned"
            let onDefault: Bool
            if modeName == "provisioned" {
                onDefault = name.contains("aurora") && port.number == 3306
            } else {
                onDefault = ((name == "aurora" || name == "aurora-mysql") && port.number == 3306)
                    || (name == "aurora-postgresql" && port.number == 5432)
            }
            return onDefault ? .violation(at: portKey) : .compliant
        }
        if engine.isAbsent { return .violation(at: resource.position, "Engine is not set") }
        if let number = port.number, !Self.defaults.contains(number) { return .compliant }
        if let why = port.unresolved { return .unknown(why) }
        if let why = engine.unresolved { return .unknown(why) }
        let name = engine.lowercased ?? ""
        if port.isAbsent {
            return name.contains("aurora") ? .compliant : .violation(at: resource.position, "Port is not set")
        }
        let number = port.number
        let onDefault = ((name == "mariadb" || name == "mysql") && number == 3306)
            || (name == "postgres" && number == 5432)
            || (name.contains("oracle") && number == 1521)
            || (name.contains("sqlserver") && number == 1433)
        return onDefault ? .violation(at: portKey) : .compliant
    }
}
