/// `AWS::Serverless::LayerVersion`: an `AWS::Lambda::LayerVersion` named `<Layer><hash>` (the translator
/// suffixes a content hash so each change publishes a new version), retained on delete unless
/// `RetentionPolicy: Delete`.
enum SAMLayerVersion {
    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        guard let content = source["ContentUri"] else {
            context.reject(resource, "it needs ContentUri", at: resource.propertiesPosition)
            return
        }
        var layer = ValueMap()
        layer.put("Content", SAMFunction.s3Location(content, bucketKey: "S3Bucket", keyKey: "S3Key", versionKey: "S3ObjectVersion"))
        layer.put("LayerName", source["LayerName"] ?? .text(resource.logicalId, at: source.position))
        for name in ["Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo"] {
            if let entry = source.properties.entry(name) { layer.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        let retain = source["RetentionPolicy"]?.stringValue?.lowercased() != "delete"
        context.add(resource.logicalId + SAMHash.suffix(of: [content, source["CompatibleRuntimes"], source["LayerName"]]),
                    type: "AWS::Lambda::LayerVersion", properties: layer, from: source,
                    attributes: retain ? [("DeletionPolicy", .text("Retain", at: source.position(of: "RetentionPolicy")))] : [])
    }
}
