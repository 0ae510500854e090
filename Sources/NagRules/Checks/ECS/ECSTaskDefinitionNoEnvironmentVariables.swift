/// AwsSolutions-ECS2: containers take their configuration from secrets or parameters, not inline environment variables.
struct ECSTaskDefinitionNoEnvironmentVariables: Check {
    let about = CheckAbout(
        resourceTypes: [ECSContainers.taskDefinitionType],
        cause: "A container of the ECS task definition sets environment variables directly.",
        explanation: "Environment variables written in a task definition are visible to anyone who can describe it, and end up in templates and source control. Values that may be sensitive belong in Secrets Manager or Systems Manager Parameter Store, referenced through Secrets.",
        fix: "Move the values to Secrets Manager or SSM Parameter Store and reference them with the container's Secrets property.",
        examples: [
            .compliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      Secrets:
                        - Name: DB_PASSWORD
                          ValueFrom: arn:aws:ssm:us-east-1:111122223333:parameter/db
            """),
            .nonCompliant("""
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      ↓Environment:
                        - Name: STAGE
                          Value: prod
            """),
            .unknown("""
            Parameters:
              Debug:
                Type: String
            Conditions:
              IsDebug: !Equals [!Ref Debug, "yes"]
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: nginx
                      Environment: ↓!If [IsDebug, [{Name: DEBUG, Value: "1"}], !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch ECSContainers.definitions(of: resource, in: context) {
        case nil: return .compliant
        case .failure(let why)?: return .unknown(why)
        case .success(let containers)?:
            return Verdict.every(containers) { container in
                switch Presence(container["Environment"], in: context) {
                case .absent: .holds
                case .unknown(let why): .undecided(why)
                case .present: .fails(at: PropertyLookup.position(of: "Environment", in: container, else: resource.position))
                }
            }.outcome
        }
    }
}
