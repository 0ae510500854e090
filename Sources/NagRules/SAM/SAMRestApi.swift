/// `AWS::Serverless::Api` and the implicit `ServerlessRestApi`: an `AWS::ApiGateway::RestApi` (same
/// logical id), a `<Api>Deployment<hash>` and a `<Api><StageName>Stage` carrying the stage settings the
/// checks read (access logs, method settings, tracing, cache).
enum SAMRestApi {
    /// Serverless::Api properties copied to the RestApi unchanged.
    static let restApiProperties = ["Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "Mode",
                                    "ApiKeySourceType", "DisableExecuteApiEndpoint", "FailOnWarnings", "Policy"]
    /// Serverless::Api properties copied to the Stage unchanged.
    static let stageProperties = ["AccessLogSetting", "MethodSettings", "TracingEnabled", "CacheClusterEnabled",
                                  "CacheClusterSize", "Variables", "CanarySetting"]

    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        guard let stageName = source["StageName"] else {
            context.reject(resource, "it needs StageName", at: resource.propertiesPosition)
            return
        }
        var api = ValueMap()
        if let body = source["DefinitionBody"] {
            api.put("Body", body)
        } else if let uri = source["DefinitionUri"] {
            api.put("BodyS3Location", SAMFunction.s3Location(uri, bucketKey: "Bucket", keyKey: "Key", versionKey: "Version"))
        } else {
            api.put("Body", swagger(routes: context.explicitRoutes[resource.logicalId] ?? [], at: source.position))
        }
        for name in restApiProperties {
            if let entry = source.properties.entry(name) { api.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        api.put("EndpointConfiguration", endpointConfiguration(source["EndpointConfiguration"]))
        context.add(resource.logicalId, type: "AWS::ApiGateway::RestApi", properties: api, from: source,
                    attributes: SAMFunction.passedAttributes(resource))
        addDeploymentAndStage(apiId: resource.logicalId, stageName: stageName, source: source, into: &context)
    }

    /// Adds `ServerlessRestApi` when `Api` events asked for it.
    static func finishImplicitApi(into context: inout SAMContext) {
        guard let owner = context.implicitRestOwner, !context.resourceIds.contains("ServerlessRestApi") else { return }
        let routes = context.implicitRestRoutes
        let source = SAMSource(resource: owner.resource, properties: context.globals.merged(ValueMap(), type: "AWS::Serverless::Api"))
        var api = ValueMap()
        api.put("Body", swagger(routes: routes, at: routes.first?.position ?? owner.position))
        for name in restApiProperties {
            if let entry = source.properties.entry(name) { api.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        api.put("EndpointConfiguration", endpointConfiguration(source["EndpointConfiguration"]))
        let at = routes.first?.position ?? owner.position
        context.add("ServerlessRestApi", type: "AWS::ApiGateway::RestApi", properties: api, from: owner, position: at)
        addDeploymentAndStage(apiId: "ServerlessRestApi", stageName: .text("Prod", at: at), source: source, owner: owner,
                              position: at, into: &context)
    }

    /// `position`: where findings about the implicit API's resources point (its first `Api` event).
    private static func addDeploymentAndStage(apiId: String, stageName: Value, source: SAMSource, owner: SAMSource? = nil,
                                              position: Position? = nil, into context: inout SAMContext) {
        let from = owner ?? source
        let at = stageName.position
        let hash = SAMHash.suffix(of: [.text(apiId, at: at), source["DefinitionBody"], source["DefinitionUri"],
                                       Value(.map(source.properties), at: at)])
        let deploymentId = apiId + "Deployment" + hash
        var deployment = ValueMap()
        deployment.put("Description", .text("RestApi deployment id: " + hash, at: at))
        deployment.put("RestApiId", .ref(apiId, at: at))
        deployment.put("StageName", .text("Stage", at: at))
        context.add(deploymentId, type: "AWS::ApiGateway::Deployment", properties: deployment, from: from, position: position)
        // The translator's naming: an alphanumeric name is spelled out, an intrinsic gives no suffix, any other
        // string a content hash.
        let stageId: String
        if let name = stageName.stringValue, !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            stageId = apiId + "Stage" + SAMHash.suffix(of: [stageName])
        } else {
            stageId = apiId + (stageName.stringValue ?? "") + "Stage"
        }
        var stage = ValueMap()
        stage.put("DeploymentId", .ref(deploymentId, at: at))
        stage.put("RestApiId", .ref(apiId, at: at))
        stage.put("StageName", stageName)
        for name in stageProperties {
            if let entry = source.properties.entry(name) { stage.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        stage.put("Description", source["Description"].flatMap { _ in nil })
        if let tags = source["Tags"]?.mapValue {
            stage.put("Tags", .items(tags.entries.map { .fields([("Key", .text($0.key, at: $0.keyPosition)), ("Value", $0.value)], at: $0.keyPosition) },
                                     at: source.position(of: "Tags")))
        }
        context.add(stageId, type: "AWS::ApiGateway::Stage", properties: stage, from: from, position: position)
    }

    /// `EndpointConfiguration: REGIONAL` or `{Type, VPCEndpointIds}` as the RestApi writes it.
    static func endpointConfiguration(_ value: Value?) -> Value? {
        guard let value else { return nil }
        if value.scalarText != nil || value.intrinsicValue != nil {
            return .fields([("Types", .items([value], at: value.position))], at: value.position)
        }
        var fields: [(String, Value)] = []
        if let type = value["Type"] { fields.append(("Types", .items([type], at: type.position))) }
        if let ids = value["VPCEndpointIds"] { fields.append(("VpcEndpointIds", ids)) }
        return .fields(fields, at: value.position)
    }

    /// A Swagger 2.0 body with one Lambda proxy integration per route.
    static func swagger(routes: [SAMApiRoute], at position: Position) -> Value {
        var paths = ValueMap()
        for route in routes {
            let method = route.method == "any" ? "x-amazon-apigateway-any-method" : route.method
            let integration: Value = .fields([
                ("httpMethod", .text("POST", at: route.position)), ("type", .text("aws_proxy", at: route.position)),
                ("uri", .sub("arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${\(route.function.logicalId).Arn}/invocations",
                             at: route.position)),
            ], at: route.position)
            var methods = paths[route.path]?.mapValue ?? ValueMap()
            methods.put(method, .fields([("x-amazon-apigateway-integration", integration), ("responses", .fields([], at: route.position))],
                                        at: route.position))
            paths.put(route.path, Value(.map(methods), at: route.position))
        }
        return .fields([
            ("info", .fields([("version", .text("1.0", at: position)), ("title", .ref("AWS::StackName", at: position))], at: position)),
            ("paths", Value(.map(paths), at: position)),
            ("swagger", .text("2.0", at: position)),
        ], at: position)
    }
}
