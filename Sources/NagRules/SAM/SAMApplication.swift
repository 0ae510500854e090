/// `AWS::Serverless::Application`: a nested stack, `AWS::CloudFormation::Stack` (same logical id), with the
/// `Parameters`, `NotificationARNs`, `TimeoutInMinutes` and tags (plus the Serverless Application Repository
/// id and version tags when `Location` names an application). Its `TemplateURL` is `Location` when that is a URL;
/// an application of the repository is left without one (nag does not ask the repository).
enum SAMApplication {
    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        guard let location = source["Location"] else {
            context.reject(resource, "it needs Location", at: resource.propertiesPosition)
            return
        }
        var stack = ValueMap()
        stack.put("Parameters", source["Parameters"])
        stack.put("NotificationARNs", source["NotificationARNs"])
        var tags: [Value] = []
        for entry in source["Tags"]?.mapValue?.entries ?? [] {
            tags.append(.fields([("Key", .text(entry.key, at: entry.keyPosition)), ("Value", entry.value)], at: entry.keyPosition))
        }
        for (key, name) in [("ApplicationId", "serverlessrepo:applicationId"), ("SemanticVersion", "serverlessrepo:semanticVersion")] {
            if let value = location[key] { tags.append(.fields([("Key", .text(name, at: value.position)), ("Value", value)], at: value.position)) }
        }
        if !tags.isEmpty { stack.put("Tags", .items(tags, at: source.position(of: "Tags"))) }
        stack.put("TimeoutInMinutes", source["TimeoutInMinutes"])
        stack.put("TemplateURL", location.mapValue == nil ? location : .text("", at: location.position))
        context.add(resource.logicalId, type: "AWS::CloudFormation::Stack", properties: stack, from: source,
                    attributes: SAMFunction.passedAttributes(resource))
    }
}
