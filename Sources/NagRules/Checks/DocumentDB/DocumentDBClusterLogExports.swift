/// AwsSolutions-DOC5: DocumentDB clusters export the logs cdk-nag asks for to CloudWatch Logs.
struct DocumentDBClusterLogExports: Check {
    static let needed = ["authenticate", "createIndex", "dropCollection"]

    let about = CheckAbout(
        resourceTypes: [DocumentDBClusters.clusterType],
        cause: "The DocumentDB cluster does not export the authenticate, createIndex and dropCollection logs to CloudWatch Logs.",
        explanation: "Exported logs survive the cluster and can be searched and alarmed on. cdk-nag asks for the authenticate, createIndex and dropCollection entries in EnableCloudwatchLogsExports, one finding per missing name (LogExport::<name>). Note that DocumentDB itself accepts only audit and profiler there (those events are part of the audit log), so as in cdk-nag this rule reports every cluster; suppress the findings once audit is exported.",
        fix: "Export the audit log (EnableCloudwatchLogsExports: [audit] with the audit_logs cluster parameter enabled) and suppress the findings with that reason.",
        examples: [
            .compliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  EnableCloudwatchLogsExports: [authenticate, createIndex, dropCollection]
            """),
            .nonCompliant("""
            Resources:
              ↓Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  StorageEncrypted: true
            """, findingIds: ["LogExport::authenticate", "LogExport::createIndex", "LogExport::dropCollection"]),
            .nonCompliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  ↓EnableCloudwatchLogsExports: [audit, profiler]
            """, findingIds: ["LogExport::authenticate", "LogExport::createIndex", "LogExport::dropCollection"]),
            .unknown("""
            Parameters:
              Logs:
                Type: CommaDelimitedList
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  EnableCloudwatchLogsExports: ↓!Ref Logs
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        Requirement.exportsLogs(Self.needed, listedIn: "EnableCloudwatchLogsExports", of: resource, in: context)
    }
}
