/// Lookups shared by the ECS task definition rules.
enum ECSContainers {
    static let taskDefinitionType = "AWS::ECS::TaskDefinition"

    /// The container definitions of a task definition, each resolved to a map; `nil` when there are none.
    static func definitions(of task: Resource, in context: RuleContext) -> Result<[ValueMap], Unresolved>? {
        guard let items = ComputeValues.items(task.properties["ContainerDefinitions"], in: context) else { return nil }
        switch items {
        case .failure(let why): return .failure(why)
        case .success(let list):
            var maps: [ValueMap] = []
            for item in list {
                if let why = item.unresolved { return .failure(why) }
                if let map = item.map { maps.append(map) }
            }
            return .success(maps)
        }
    }
}
