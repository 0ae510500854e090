/// RDS DB instances collect Enhanced Monitoring metrics (`MonitoringInterval` is above 0).
struct RDSEnhancedMonitoringEnabled: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.instanceType],
        cause: "The RDS DB instance does not have Enhanced Monitoring enabled.",
        explanation: """
        Enhanced Monitoring reads operating system metrics (CPU by process, memory, file system and disk I/O) \
        from an agent on the instance, as often as every second. They show what the hypervisor-level \
        CloudWatch metrics cannot, and help find the cause of slowdowns and outages. It is off unless \
        MonitoringInterval is above 0.
        """,
        fix: "Set MonitoringInterval to 1, 5, 10, 15, 30 or 60 seconds, and MonitoringRoleArn to a role that trusts monitoring.rds.amazonaws.com with the AmazonRDSEnhancedMonitoringRole policy.",
        examples: [
            .compliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  MonitoringInterval: 60
                  MonitoringRoleArn: arn:aws:iam::123456789012:role/rds-monitoring
            """),
            .nonCompliant("""
            Resources:
              ↓Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
            """),
            .nonCompliant("""
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  ↓MonitoringInterval: "0"
            """),
            .compliant("""
            Parameters:
              Interval:
                Type: Number
                Default: 15
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  MonitoringInterval: !Ref Interval
            """),
            .unknown("""
            Parameters:
              Interval:
                Type: Number
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  MonitoringInterval: ↓!Ref Interval
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let interval = Scalar(resource, "MonitoringInterval", in: context)
        if interval.isAbsent {
            return .violation(at: RDSDatabases.position(of: "MonitoringInterval", in: resource), "MonitoringInterval is not set")
        }
        if let why = interval.unresolved { return .unknown(why) }
        // As in JavaScript, an empty text counts as 0 and a text that is not a number is not compared.
        guard let seconds = interval.number ?? (interval.text?.isEmpty == true ? 0 : nil), seconds <= 0 else { return .compliant }
        return .violation(at: resource.position(ofProperty: "MonitoringInterval"), "MonitoringInterval is 0")
    }
}
