/// The containers of a task definition in host network mode run privileged and as a user other than root.
struct ECSTaskDefinitionUserForHostMode: Check {
    let about = CheckAbout(
        resourceTypes: [ECSContainers.taskDefinitionType],
        cause: "A container of the host-network-mode task definition is not privileged, has no User, or runs as root.",
        explanation: "In host network mode containers share the host's network stack, so a process running as root in a container can tamper with the host's networking. The check asks every container of such a task to set Privileged: true together with a User whose name and group are neither root nor 0, so that the elevated access is explicit and not taken by a root process.",
        fix: "For each container of a task with NetworkMode host, set Privileged: true and a User (user, user:group, uid or uid:gid) that is not root or 0; or use awsvpc or bridge network mode.",
        examples: [
            .compliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: host
                  ContainerDefinitions:
                    - Name: agent
                      Image: public.ecr.aws/example/agent:1
                      Privileged: true
                      User: "1000:1000"
            """),
            .compliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: awsvpc
                  ContainerDefinitions:
                    - Name: app
                      Image: public.ecr.aws/example/app:1
            """),
            .nonCompliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: host
                  ContainerDefinitions:
                    - Name: agent
                      Image: public.ecr.aws/example/agent:1
                      Privileged: true
                      ↓User: "app:root"
            """),
            .nonCompliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: host
                  ContainerDefinitions:
                    - ↓Name: agent
                      Image: public.ecr.aws/example/agent:1
                      User: app
            """),
            .nonCompliant("""
            Parameters:
              Mode:
                Type: String
                Default: host
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: !Ref Mode
                  ContainerDefinitions:
                    - ↓Name: agent
                      Image: public.ecr.aws/example/agent:1
                      Privileged: true
            """),
            .unknown("""
            Parameters:
              Mode:
                Type: String
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: ↓!Ref Mode
                  ContainerDefinitions:
                    - Name: agent
                      Image: public.ecr.aws/example/agent:1
            """),
            .unknown("""
            Parameters:
              RunAs:
                Type: String
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: host
                  ContainerDefinitions:
                    - Name: agent
                      Image: public.ecr.aws/example/agent:1
                      Privileged: true
                      User: ↓!Ref RunAs
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let containers: [ValueMap]
        switch ECSContainers.definitions(of: resource, in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let maps)?: containers = maps
        }
        if containers.isEmpty { return .compliant }
        let mode = Scalar(resource, "NetworkMode", in: context)
        if let why = mode.unresolved { return .unknown(why) }
        guard mode.text == "host" else { return .compliant }
        return Verdict.every(containers) { container in
            let here = container.entries.first?.keyPosition ?? resource.position
            let privileged = Scalar(container["Privileged"], in: context)
            if let why = privileged.unresolved { return .undecided(why) }
            if privileged.bool != true {
                return .fails(at: PropertyLookup.position(of: "Privileged", in: container, else: here), "the container is not privileged")
            }
            let user = Scalar(container["User"], in: context)
            if let why = user.unresolved { return .undecided(why) }
            guard let name = user.text else { return .fails(at: here, "the container sets no User") }
            let root = name.split(separator: ":", omittingEmptySubsequences: false).contains { ["root", "0"].contains($0.lowercased()) }
            return root ? .fails(at: PropertyLookup.position(of: "User", in: container, else: here), "the container runs as root") : .holds
        }.outcome
    }
}
