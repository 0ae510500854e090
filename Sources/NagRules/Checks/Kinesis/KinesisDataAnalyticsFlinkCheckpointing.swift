/// AwsSolutions-KDA3: Flink applications take checkpoints.
struct KinesisDataAnalyticsFlinkCheckpointing: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::KinesisAnalyticsV2::Application"],
        cause: "The Kinesis Data Analytics Flink application does not have checkpointing enabled.",
        explanation: "Checkpoints save the state of a Flink application at intervals, so after a failure or restart it resumes from the last checkpoint instead of losing or reprocessing data.",
        fix: "Leave ApplicationConfiguration.FlinkApplicationConfiguration.CheckpointConfiguration.ConfigurationType at DEFAULT, or with CUSTOM set CheckpointingEnabled to true.",
        examples: [
            .compliant("""
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: FLINK-1_18
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
                  ApplicationConfiguration:
                    FlinkApplicationConfiguration:
                      CheckpointConfiguration:
                        ConfigurationType: DEFAULT
            """),
            .compliant("""
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: SQL-1_0
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
            """),
            .nonCompliant("""
            Resources:
              ↓App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: FLINK-1_18
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
            """),
            .nonCompliant("""
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: FLINK-1_18
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
                  ApplicationConfiguration:
                    ↓FlinkApplicationConfiguration:
                      MonitoringConfiguration:
                        ConfigurationType: DEFAULT
            """),
            .nonCompliant("""
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: FLINK-1_18
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
                  ApplicationConfiguration:
                    FlinkApplicationConfiguration:
                      CheckpointConfiguration:
                        ConfigurationType: CUSTOM
                        ↓CheckpointingEnabled: false
            """),
            .nonCompliant("""
            Parameters:
              Checkpoints:
                Type: String
                Default: "false"
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: FLINK-1_18
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
                  ApplicationConfiguration:
                    FlinkApplicationConfiguration:
                      CheckpointConfiguration:
                        ConfigurationType: CUSTOM
                        ↓CheckpointingEnabled: !Ref Checkpoints
            """),
            .unknown("""
            Parameters:
              Checkpoints:
                Type: String
            Resources:
              App:
                Type: AWS::KinesisAnalyticsV2::Application
                Properties:
                  RuntimeEnvironment: FLINK-1_18
                  ServiceExecutionRole: arn:aws:iam::123456789012:role/flink
                  ApplicationConfiguration:
                    FlinkApplicationConfiguration:
                      CheckpointConfiguration:
                        ConfigurationType: CUSTOM
                        CheckpointingEnabled: ↓!Ref Checkpoints
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let runtime = PropertyLookup.find(resource, "RuntimeEnvironment", in: context)
        if let why = runtime.unresolved { return .unknown(why) }
        guard runtime.resolved.string?.lowercased().hasPrefix("flink") == true else { return .notApplicable }
        let path = ["ApplicationConfiguration", "FlinkApplicationConfiguration", "CheckpointConfiguration"]
        let checkpoints = PropertyLookup.find(resource, path, in: context)
        if let why = checkpoints.unresolved { return .unknown(why) }
        if checkpoints.resolved.isAbsent { return .violation(at: checkpoints.position) }
        let type = PropertyLookup.find(resource, path + ["ConfigurationType"], in: context)
        if let why = type.unresolved { return .unknown(why) }
        guard type.resolved.string == "CUSTOM" else { return .compliant }
        return PropertyLookup.find(resource, path + ["CheckpointingEnabled"], in: context).requiringTrue()
    }
}
