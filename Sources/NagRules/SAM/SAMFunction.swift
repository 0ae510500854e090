/// `AWS::Serverless::Function`: the `AWS::Lambda::Function` (same logical id), its generated role
/// (`<Function>Role`, unless `Role` is given), and what `AutoPublishAlias`, `FunctionUrlConfig`,
/// `EventInvokeConfig` and each event create.
enum SAMFunction {
    /// Properties copied to the Lambda function unchanged.
    static let copiedProperties = [
        "FunctionName", "Description", "Handler", "Runtime", "MemorySize", "Timeout", "Environment", "VpcConfig",
        "KmsKeyArn", "ReservedConcurrentExecutions", "Layers", "Architectures", "PackageType", "ImageConfig",
        "FileSystemConfigs", "CodeSigningConfigArn", "EphemeralStorage", "SnapStart", "RuntimeManagementConfig",
        "LoggingConfig", "RecursiveLoop", "TenancyConfig",
    ]

    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        guard let code = code(source) else {
            context.reject(resource, "it needs CodeUri, InlineCode or ImageUri", at: resource.propertiesPosition)
            return
        }
        let events = source["Events"]?.mapValue?.entries ?? []
        for event in events {
            if let problem = SAMEvents.problem(event) {
                context.reject(resource, problem, at: event.keyPosition)
                return
            }
        }
        let policies = SAMPolicies(source["Policies"], roleId: resource.logicalId + "Role")
        if let problem = policies.problems.first, source["Role"] == nil {
            context.reject(resource, problem.message, at: problem.position)
            return
        }
        var properties = ValueMap()
        properties.put("Code", code)
        for name in copiedProperties {
            if let entry = source.properties.entry(name) { properties.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        let roleId = resource.logicalId + "Role"
        properties.put("Role", source["Role"] ?? .getAtt(roleId, "Arn", at: source.position))
        properties.put("Tags", SAMFunction.tags(source["Tags"], at: source.position))
        if let tracing = source["Tracing"] {
            properties.put("TracingConfig", .fields([("Mode", tracing)], at: tracing.position))
        }
        if let target = source["DeadLetterQueue"]?["TargetArn"] {
            properties.put("DeadLetterConfig", .fields([("TargetArn", target)], at: target.position))
        }
        context.add(resource.logicalId, type: "AWS::Lambda::Function", properties: properties, from: source,
                    attributes: passedAttributes(resource))
        let target = SAMFunctionVersions.expand(source, into: &context)
        var roleNeeds = SAMRoleNeeds()
        roleNeeds.inlinePolicies += SAMEventQueues.invokeDestinations(source).compactMap(\.rolePolicy)
        for event in events {
            SAMEvents.expand(event, of: source, target: target, role: &roleNeeds, into: &context)
        }
        if source["Role"] == nil {
            SAMFunctionRole.expand(source, policies: policies, needs: roleNeeds, into: &context)
        }
        SAMFunctionVersions.expandExtras(source, target: target, into: &context)
        SAMDeploymentPreference.expand(source, into: &context)
    }

    /// The resource attributes the transform passes to the generated function.
    static func passedAttributes(_ resource: Resource) -> [(String, Value)] {
        ["DependsOn", "DeletionPolicy", "UpdateReplacePolicy"].compactMap { key in resource.definition[key].map { (key, $0) } }
    }

    /// `Code` from `InlineCode`, `ImageUri` or `CodeUri` (an `s3://` URI, a `Bucket`/`Key`/`Version` map, or
    /// a local path the packaging step would upload).
    static func code(_ source: SAMSource) -> Value? {
        if let inline = source["InlineCode"] { return .fields([("ZipFile", inline)], at: inline.position) }
        if let image = source["ImageUri"] { return .fields([("ImageUri", image)], at: image.position) }
        guard let uri = source["CodeUri"] else {
            return source["PackageType"]?.stringValue == "Image" ? .fields([], at: source.position) : nil
        }
        return s3Location(uri, bucketKey: "S3Bucket", keyKey: "S3Key", versionKey: "S3ObjectVersion")
    }

    /// An S3 location written as `s3://bucket/key` or as a `Bucket`/`Key`/`Version` map.
    static func s3Location(_ uri: Value, bucketKey: String, keyKey: String, versionKey: String) -> Value {
        if let map = uri.mapValue {
            var fields: [(String, Value)] = []
            if let bucket = map["Bucket"] { fields.append((bucketKey, bucket)) }
            if let key = map["Key"] { fields.append((keyKey, key)) }
            if let version = map["Version"] { fields.append((versionKey, version)) }
            return .fields(fields, at: uri.position)
        }
        guard let text = uri.stringValue, text.hasPrefix("s3://") else {
            return .fields([(bucketKey, uri), (keyKey, uri)], at: uri.position)
        }
        let path = text.dropFirst("s3://".count)
        let bucket = path.prefix { $0 != "/" }
        let key = path.dropFirst(bucket.count + 1)
        return .fields([(bucketKey, .text(String(bucket), at: uri.position)), (keyKey, .text(String(key), at: uri.position))],
                       at: uri.position)
    }

    /// SAM's tag map as a CloudFormation tag list, led by `lambda:createdBy: SAM`.
    static func tags(_ tags: Value?, at position: Position) -> Value {
        var items: [Value] = [.fields([("Key", .text("lambda:createdBy", at: position)), ("Value", .text("SAM", at: position))], at: position)]
        for entry in tags?.mapValue?.entries ?? [] {
            items.append(.fields([("Key", .text(entry.key, at: entry.keyPosition)), ("Value", entry.value)], at: entry.keyPosition))
        }
        return .items(items, at: tags?.position ?? position)
    }
}
