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
        guard let definitions = ECSContainers.definitions(of: resource, in: context) else { return .compliant }
        switch definitions {
        case .failure(let why): return .unknown(why)
        case .success(let containers):
            var undecided: Unresolved?
            for container in containers {
                let logging = context.resolve(container["LogConfiguration"])
                if let why = logging.unresolved { undecided = undecided ?? why; continue }
                switch ComputeValues.presence(logging.map?["LogDriver"], in: context) {
                case .present: continue
                case .unknown(let why): undecided = undecided ?? why
                case .absent:
                    let at = container.entry("LogConfiguration")?.keyPosition ?? container.entries.first?.keyPosition ?? resource.position
                    return .violation(at: at, "container has no LogDriver")
                }
            }
            return undecided.map { .unknown($0) } ?? .compliant
        }
    }
}
