/// AwsSolutions-ECS7: every container of a task definition has a log driver.
struct ECSTaskDefinitionContainerLogging: Check {
    let about = CheckAbout(
        resourceTypes: [ECSContainers.taskDefinitionType],
        cause: "A container of the ECS task definition has no log driver configured.",
        explanation: "Without a log configuration, what a container writes to stdout and stderr is lost when the task stops, and failures cannot be diagnosed afterwards.",
        fix: "Give every container definition a LogConfiguration with a LogDriver (awslogs, firelens, …).",
        examples: [
            .compliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      LogConfiguration:
                        LogDriver: awslogs
            """),
            .nonCompliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      LogConfiguration:
                        LogDriver: awslogs
                    - ↓Name: sidecar
                      Image: envoy
            """),
            .compliant("""
            Conditions:
              Log: !Not [!Equals [0, 1]]
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      LogConfiguration: !If [Log, {LogDriver: awslogs}, !Ref AWS::NoValue]
            """),
            .unknown("""
            Parameters:
              Logging:
                Type: String
            Conditions:
              Log: !Equals [!Ref Logging, "yes"]
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      LogConfiguration: ↓!If [Log, {LogDriver: awslogs}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch ECSContainers.definitions(of: resource, in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let containers)?:
            return Verdict.every(containers) { container in
                let logging = context.resolve(container["LogConfiguration"])
                if let why = logging.unresolved { return .undecided(why) }
                switch Presence(logging.map?["LogDriver"], in: context) {
                case .present: return .holds
                case .unknown(let why): return .undecided(why)
                case .absent:
                    let at = container.entry("LogConfiguration")?.keyPosition ?? container.entries.first?.keyPosition ?? resource.position
                    return .fails(at: at, "container has no LogDriver")
                }
            }.outcome
        }
    }
}
