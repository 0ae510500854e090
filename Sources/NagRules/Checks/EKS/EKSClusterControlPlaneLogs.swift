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
        // Every log type named, in order, with what cannot be read as unknown.
        let types: [Scalar]
        let at: Position
        if resource.type == EKSClusters.cdkClusterType {
            at = resource.position
            let logging = context.resolver.resolve(resource.properties["Config"], at: "logging")
            if let why = logging.unresolved { return .unknown(why) }
            let configs = items(logging.map?["clusterLogging"], in: context)
            types = configs.unreadable + configs.items.flatMap { config -> [Scalar] in
                guard let map = config.map, context.resolve(map["enabled"]).bool == true else { return [] }
                let listed = items(map["types"], in: context)
                return listed.unreadable + listed.items.map { Scalar($0.value, in: context) }
            }
        } else {
            at = PropertyLookup.position(of: "Logging", in: resource.properties, else: resource.position)
            let logging = context.resolver.resolve(resource.properties["Logging"], at: "ClusterLogging")
            if let why = logging.unresolved { return .unknown(why) }
            let entries = items(logging.map?["EnabledTypes"], in: context)
            types = entries.unreadable + entries.items.map { Scalar($0.map?["Type"], in: context) }
        }
        let enabled = Set(types.compactMap(\.text))
        let missing = EKSClusters.logTypes.filter { !enabled.contains($0) }
        if missing.isEmpty { return .compliant }
        if let why = types.lazy.compactMap(\.unresolved).first { return .unknown(why) }
        return .nonCompliant(missing.map { Violation(position: at, findingId: "LogExport::\($0)") })
    }

    /// The items of a list, and why the list or any of its items cannot be read (as unknown scalars, which
    /// come before the items' own values in the order cdk-nag meets them).
    private func items(_ value: Value?, in context: RuleContext) -> (items: [Resolved], unreadable: [Scalar]) {
        switch PropertyLookup.items(value, in: context) {
        case nil: return ([], [])
        case .failure(let why)?: return ([], [.unknown(why)])
        case .success(let list)?: return (list, list.compactMap(\.unresolved).map(Scalar.unknown))
        }
    }
}
