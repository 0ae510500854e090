/// `AWS::Serverless::SimpleTable`: an `AWS::DynamoDB::Table` (same logical id) keyed by `PrimaryKey`
/// (`id`, a string, by default), billed per request unless `ProvisionedThroughput` is given.
enum SAMSimpleTable {
    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        let at = source.position
        let key = source["PrimaryKey"]
        let name = key?["Name"] ?? .text("id", at: at)
        let typeName = key?["Type"]?.stringValue ?? "String"
        let attributeType = ["String": "S", "Number": "N", "Binary": "B"][typeName] ?? "S"
        var table = ValueMap()
        table.put("AttributeDefinitions", .items([.fields([("AttributeName", name), ("AttributeType", .text(attributeType, at: key?.position ?? at))], at: at)], at: at))
        table.put("KeySchema", .items([.fields([("AttributeName", name), ("KeyType", .text("HASH", at: at))], at: at)], at: at))
        if let throughput = source["ProvisionedThroughput"] {
            table.put("ProvisionedThroughput", throughput)
        } else {
            table.put("BillingMode", .text("PAY_PER_REQUEST", at: at))
        }
        for name in ["TableName", "SSESpecification", "PointInTimeRecoverySpecification"] {
            if let entry = source.properties.entry(name) { table.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        if let tags = source["Tags"]?.mapValue {
            table.put("Tags", .items(tags.entries.map { .fields([("Key", .text($0.key, at: $0.keyPosition)), ("Value", $0.value)], at: $0.keyPosition) },
                                     at: source.position(of: "Tags")))
        }
        context.add(resource.logicalId, type: "AWS::DynamoDB::Table", properties: table, from: source,
                    attributes: SAMFunction.passedAttributes(resource))
    }
}
