/// AwsSolutions-RDS14: Aurora MySQL clusters keep a backtrack window.
struct AuroraMySQLBacktrack: Check {
    let about = CheckAbout(
        resourceTypes: [RDSDatabases.clusterType],
        cause: "The Aurora MySQL cluster does not enable backtracking.",
        explanation: "Backtracking rewinds an Aurora MySQL cluster to a point in time in minutes, without restoring from a backup into a new cluster, which undoes a bad statement or deployment quickly.",
        fix: "Set BacktrackWindow to a number of seconds greater than 0 on the Aurora MySQL DB cluster.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  BacktrackWindow: 86400
              Postgres:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora
            """),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  ↓BacktrackWindow: 0
            """),
            .unknown("""
            Parameters:
              Window:
                Type: Number
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
                  BacktrackWindow: ↓!Ref Window
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let engine = RDSDatabases.engine(of: resource, in: context)
        let window = Scalar(resource, "BacktrackWindow", in: context)
        if let seconds = window.number, seconds != 0 { return .compliant }
        if let why = engine.unresolved { return .unknown(why) }
        guard engine.lowercased == "aurora" || engine.lowercased == "aurora-mysql" else { return .compliant }
        if window.isAbsent { return .violation(at: resource.position, "BacktrackWindow is not set") }
        if let why = window.unresolved { return .unknown(why) }
        return window.equals(0) == true ? .violation(at: resource.position(ofProperty: "BacktrackWindow")) : .compliant
    }
}
