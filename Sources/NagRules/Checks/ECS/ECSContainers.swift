/// Lookups shared by the ECS task definition rules.
enum ECSContainers {
    static let taskDefinitionType = "AWS::ECS::TaskDefinition"

    /// The container definitions of a task definition, each resolved to a map; `nil` when there are none.
    static func definitions(of task: Resource, in context: RuleContext) -> Result<[ValueMap], Unresolved>? {
        PropertyLookup.maps(task.properties["ContainerDefinitions"], in: context)
    }
}
