/// Non-Aurora RDS instances and Aurora clusters export every log type of their engine to CloudWatch Logs.
struct RDSLoggingEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType, RDSDatabases.instanceType],
        cause: "The RDS database does not export all its engine's log types to CloudWatch Logs.",
        explanation: """
        Database logs (audit, error, general and slow query logs for MySQL and MariaDB; postgresql and \
        upgrade logs for PostgreSQL; audit, alert, listener, oemagent and trace logs for Oracle; agent and \
        error logs for SQL Server) record who connected, what failed and what ran slowly. Kept on the instance \
        they rotate away and are lost with it; exported to CloudWatch Logs they are retained, searchable and \
        can raise alarms. Aurora exports are set on the cluster (audit, error, general and slowquery for \
        Aurora MySQL, postgresql for Aurora PostgreSQL), so Aurora instances are not checked. One finding \
        names each missing log type.
        """,
        fix: "List every log type of the engine in EnableCloudwatchLogsExports (for MySQL: [audit, error, general, slowquery]); audit logs also need the engine's audit plugin or parameter group setting.",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  EnableCloudwatchLogsExports: [postgresql, upgrade]
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
                  EnableCloudwatchLogsExports: [postgresql]
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: aurora-postgresql
                  DBClusterIdentifier: !Ref Cluster
                  DBInstanceClass: db.r6g.large
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  DBInstanceClass: db.t3.micro
                  ↓EnableCloudwatchLogsExports: [error, slowquery]
            """, findingIds: ["LogExport::audit", "LogExport::general"]),
            .nonCompliant("""
            Resources:
              ↓Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: sqlserver-se
                  DBInstanceClass: db.m5.large
            """, findingIds: ["LogExport::agent", "LogExport::error"]),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: Aurora-MySQL
            """, findingIds: ["LogExport::audit", "LogExport::error", "LogExport::general", "LogExport::slowquery"]),
            .compliant("""
            Parameters:
              Exports:
                Type: CommaDelimitedList
                Default: "audit,alert,listener,oemagent,trace"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: oracle-ee
                  DBInstanceClass: db.m5.large
                  EnableCloudwatchLogsExports: !Ref Exports
            """),
            .nonCompliant("""
            Parameters:
              Engine:
                Type: String
                Default: mariadb
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: !Ref Engine
                  DBInstanceClass: db.t3.micro
                  ↓EnableCloudwatchLogsExports: [audit, error, general]
            """, findingIds: ["LogExport::slowquery"]),
            .unknown("""
            Parameters:
              Engine:
                Type: String
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: ↓!Ref Engine
                  DBInstanceClass: db.t3.micro
            """),
            .unknown("""
            Parameters:
              Exports:
                Type: CommaDelimitedList
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
                  EnableCloudwatchLogsExports: ↓!Ref Exports
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let engine = RDSDatabases.engine(of: resource, in: context)
        if let why = engine.unresolved { return .unknown(why) }
        let needed: [String]
        if resource.type == RDSDatabases.clusterType {
            guard let name = engine.lowercased else {
                return .unknown("Engine is not set, so the log types to export cannot be known", at: resource.position)
            }
            needed = Self.clusterLogs(engine: name)
        } else {
            // cdk-nag reads the engine of an instance as written (case matters) and an unset one as "undefined".
            let name = engine.text ?? "undefined"
            if name.contains("aurora") { return .notApplicable }
            needed = Self.instanceLogs(engine: name)
        }
        if needed.isEmpty { return .compliant }
        return Requirement.exportsLogs(needed, listedIn: "EnableCloudwatchLogsExports", of: resource, in: context)
    }

    /// The log types a non-Aurora instance of `engine` can export.
    static func instanceLogs(engine: String) -> [String] {
        if engine.contains("mariadb") || engine.contains("mysql") { return ["audit", "error", "general", "slowquery"] }
        if engine.contains("postgres") { return ["postgresql", "upgrade"] }
        if engine.contains("oracle") { return ["audit", "alert", "listener", "oemagent", "trace"] }
        if engine.contains("sqlserver") { return ["agent", "error"] }
        return []
    }

    /// The log types an Aurora cluster of `engine` (lowercased) can export.
    static func clusterLogs(engine: String) -> [String] {
        switch engine {
        case "aurora", "aurora-mysql": ["audit", "error", "general", "slowquery"]
        case "aurora-postgresql": ["postgresql"]
        default: []
        }
    }
}
