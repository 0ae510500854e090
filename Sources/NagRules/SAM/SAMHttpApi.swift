/// `AWS::Serverless::HttpApi` and the implicit `ServerlessHttpApi`: an `AWS::ApiGatewayV2::Api` (same
/// logical id) and its stage: `<Api>ApiGatewayDefaultStage` for the default `$default` stage,
/// `<Api><StageName>Stage` for an alphanumeric name, `<Api>Stage<hash>` for another name and `<Api>Stage` for
/// a name given by an intrinsic function.
enum SAMHttpApi {
    static let stageProperties = ["AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "StageVariables"]

    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        var api = ValueMap()
        if let body = source["DefinitionBody"] {
            api.put("Body", body)
        } else if let uri = source["DefinitionUri"] {
            api.put("BodyS3Location", SAMFunction.s3Location(uri, bucketKey: "Bucket", keyKey: "Key", versionKey: "Version"))
        } else {
            api.put("Body", openapi(at: source.position))
        }
        for name in ["Name", "Description", "FailOnWarnings", "DisableExecuteApiEndpoint", "CorsConfiguration"] {
            if let entry = source.properties.entry(name) { api.set(name, entry.value, keyPosition: entry.keyPosition) }
        }
        context.add(resource.logicalId, type: "AWS::ApiGatewayV2::Api", properties: api, from: source,
                    attributes: SAMFunction.passedAttributes(resource))
        addStage(apiId: resource.logicalId, source: source, owner: source, into: &context)
    }

    static func finishImplicitApi(into context: inout SAMContext) {
        guard let owner = context.implicitHttpOwner, !context.resourceIds.contains("ServerlessHttpApi") else { return }
        let source = SAMSource(resource: owner.resource, properties: context.globals.merged(ValueMap(), type: "AWS::Serverless::HttpApi"))
        let at = context.implicitHttpRoutes.first?.position ?? owner.position
        context.add("ServerlessHttpApi", type: "AWS::ApiGatewayV2::Api", properties: ValueMap([
            SAMFunctionVersions.entry("Body", openapi(at: at)),
        ]), from: owner, position: at)
        addStage(apiId: "ServerlessHttpApi", source: source, owner: owner, position: at, into: &context)
    }

    private static func addStage(apiId: String, source: SAMSource, owner: SAMSource, position: Position? = nil,
                                 into context: inout SAMContext) {
        let at = source["StageName"]?.position ?? owner.position
        let name = source["StageName"]?.stringValue
        let stageId: String
        if let name, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) {
            stageId = apiId + name + "Stage"
        } else if source["StageName"] == nil || name == "$default" {
            stageId = apiId + "ApiGatewayDefaultStage"
        } else if let name {
            stageId = apiId + "Stage" + SAMHash.suffix(of: [.text(name, at: at)])
        } else {
            stageId = apiId + "Stage"  // an intrinsic name: the translator hashes nothing
        }
        var stage = ValueMap()
        stage.put("ApiId", .ref(apiId, at: at))
        stage.put("StageName", source["StageName"] ?? .text("$default", at: at))
        stage.put("AutoDeploy", .flag(true, at: at))
        for key in stageProperties {
            if let entry = source.properties.entry(key) { stage.set(key, entry.value, keyPosition: entry.keyPosition) }
        }
        context.add(stageId, type: "AWS::ApiGatewayV2::Stage", properties: stage, from: owner, position: position)
    }

    static func openapi(at position: Position) -> Value {
        .fields([
            ("info", .fields([("version", .text("1.0", at: position)), ("title", .ref("AWS::StackName", at: position))], at: position)),
            ("paths", .fields([], at: position)),
            ("openapi", .text("3.0.1", at: position)),
        ], at: position)
    }
}
