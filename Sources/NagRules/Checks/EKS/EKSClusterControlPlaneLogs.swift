/// AwsSolutions-EKS2: an EKS cluster exports every control plane log type (one finding per missing type).
struct EKSClusterControlPlaneLogs: Check {
    let about = CheckAbout(
        resourceTypes: EKSClusters.types,
        cause: "The EKS cluster does not export all control plane logs.",
        explanation: "The control plane logs (api, audit, authenticator, controllerManager, scheduler) record who did what to the cluster and how it responded. They are sent to CloudWatch Logs only for the types that are enabled. Each missing type is reported as LogExport::<type>, so a suppression can accept exactly the types left out.",
        fix: "Set Logging.ClusterLogging.EnabledTypes to all five types: api, audit, authenticator, controllerManager and scheduler.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
                  Logging:
                    ClusterLogging:
                      EnabledTypes:
                        - Type: api
                        - Type: audit
                        - Type: authenticator
                        - Type: controllerManager
                        - Type: scheduler
            """),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
                  ↓Logging:
                    ClusterLogging:
                      EnabledTypes:
                        - Type: api
                        - Type: audit
                        - Type: authenticator
            """, findingIds: ["LogExport::controllerManager", "LogExport::scheduler"]),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: Custom::AWSCDK-EKS-Cluster
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:provider
                  Config:
                    logging:
                      clusterLogging:
                        - enabled: true
                          types: [api, audit, authenticator, controllerManager]
            """, findingIds: ["LogExport::scheduler"]),
            .unknown("""
            Parameters:
              Kind:
                Type: String
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
                  Logging:
                    ClusterLogging:
                      EnabledTypes:
                        - Type: ↓!Ref Kind
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        var enabled = Set<String>()
        var undecided: Unresolved?
        func add(_ value: Value?) {
            switch ComputeValues.scalar(value, in: context) {
            case .failure(let why): undecided = undecided ?? why
            case .success(let v): if let text = v?.scalarText { enabled.insert(text) }
            }
        }
        func items(_ value: Value?) -> [Resolved] {
            switch ComputeValues.items(value, in: context) {
            case nil: return []
            case .failure(let why)?: undecided = undecided ?? why; return []
            case .success(let list)?:
                for item in list { if let why = item.unresolved { undecided = undecided ?? why } }
                return list
            }
        }
        let at: Position
        if resource.type == EKSClusters.cdkClusterType {
            at = resource.position
            let logging = context.resolver.resolve(resource.properties["Config"], at: "logging")
            if let why = logging.unresolved { return .unknown(why) }
            for config in items(logging.map?["clusterLogging"]) {
                guard let map = config.map, context.resolve(map["enabled"]).bool == true else { continue }
                for type in items(map["types"]) { add(type.value) }
            }
        } else {
            at = resource.properties.entry("Logging")?.keyPosition ?? resource.position
            let logging = context.resolver.resolve(resource.properties["Logging"], at: "ClusterLogging")
            if let why = logging.unresolved { return .unknown(why) }
            for entry in items(logging.map?["EnabledTypes"]) { add(entry.map?["Type"]) }
        }
        let missing = EKSClusters.logTypes.filter { !enabled.contains($0) }
        if missing.isEmpty { return .compliant }
        if let undecided { return .unknown(undecided) }
        return .nonCompliant(missing.map { Violation(position: at, findingId: "LogExport::\($0)") })
    }
}
