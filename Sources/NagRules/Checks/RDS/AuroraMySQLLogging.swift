/// AwsSolutions-RDS16: Aurora MySQL serverless clusters export their audit, error, general and slow query logs.
struct AuroraMySQLLogging: Check {
    static let needed = ["audit", "error", "general", "slowquery"]

    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType],
        cause: "The Aurora MySQL serverless cluster does not export all of its audit, error, general and slowquery logs to CloudWatch Logs.",
        explanation: "Exported database logs survive the cluster, can be searched and alarmed on, and record who ran what: the evidence needed to investigate an incident or a performance problem. Each missing log type is reported as its own finding (LogExport::<type>).",
        fix: "List audit, error, general and slowquery in EnableCloudwatchLogsExports on the serverless Aurora MySQL DB cluster.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  EngineMode: serverless
                  EnableCloudwatchLogsExports: [audit, error, general, slowquery]
              Provisioned:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  EngineMode: serverless
            """, findingIds: ["LogExport::audit", "LogExport::error", "LogExport::general", "LogExport::slowquery"]),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora
                  EngineMode: Serverless
                  ↓EnableCloudwatchLogsExports: [audit, error]
            """, findingIds: ["LogExport::general", "LogExport::slowquery"]),
            .unknown("""
            Parameters:
              Mode:
                Type: String
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  EngineMode: ↓!Ref Mode
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let engine = RDSDatabases.engine(of: resource, in: context)
        let mode = Scalar(resource, "EngineMode", in: context)
        if mode.isAbsent || (mode.lowercased.map { $0 != "serverless" } ?? false) { return .compliant }
        if let name = engine.lowercased, name != "aurora" && name != "aurora-mysql" { return .compliant }
        if engine.isAbsent { return .compliant }
        if let why = engine.unresolved ?? mode.unresolved { return .unknown(why) }
        return Requirement.exportsLogs(Self.needed, listedIn: "EnableCloudwatchLogsExports", of: resource, in: context)
    }
}
