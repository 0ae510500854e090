/// `AWS::Serverless::WebSocketApi`: the `AWS::ApiGatewayV2::Api` (same logical id, protocol `WEBSOCKET`), per
/// route `<Api><Key>Route`, `<Api><Key>Integration` and `<Api><Key>Permission` (`$connect` → `Connect`), the
/// stage (`<Api>DefaultStage`, or `<Api><StageName>Stage`) with its access log and route settings, and for
/// `Auth: {AuthType: CUSTOM}` the `<Api>ConnectAuthorizer` (and its `<Api>AuthorizerPermission` without an
/// `InvokeRole`). Not expanded yet: `Domain`.
enum SAMWebSocketApi {
    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        let id = resource.logicalId
        let at = source.position
        guard let routes = source["Routes"]?.mapValue, !routes.isEmpty else {
            context.reject(resource, "it needs at least one route in Routes", at: resource.propertiesPosition)
            return
        }
        for route in routes.entries where route.value["FunctionArn"] == nil || sanitized(route.key) == nil {
            context.reject(resource, "route \(route.key) needs FunctionArn and an alphanumeric key (or $connect, $disconnect, $default)",
                           at: route.keyPosition)
            return
        }
        let auth = source["Auth"]
        var api = ValueMap()
        for key in ["ApiKeySelectionExpression", "Description", "DisableExecuteApiEndpoint", "DisableSchemaValidation", "IpAddressType"] {
            api.put(key, source[key])
        }
        api.put("Name", source["Name"] ?? .text(id, at: at))
        api.put("RouteSelectionExpression", source["RouteSelectionExpression"])
        api.put("Tags", tags(source["Tags"], at: at))
        api.put("ProtocolType", .text("WEBSOCKET", at: at))
        context.add(id, type: "AWS::ApiGatewayV2::Api", properties: api, from: source, attributes: SAMFunction.passedAttributes(resource))
        let stageName = source["StageName"] ?? .text("default", at: at)
        for route in routes.entries {
            guard let key = sanitized(route.key), let function = route.value["FunctionArn"] else { continue }
            let routeAt = route.keyPosition
            let base = id + key
            var properties = ValueMap()
            properties.put("ApiId", .ref(id, at: routeAt))
            properties.put("RouteKey", .text(route.key, at: routeAt))
            for name in ["ApiKeyRequired", "ModelSelectionExpression", "OperationName", "RequestModels", "RequestParameters",
                         "RouteResponseSelectionExpression"] {
                properties.put(name, route.value[name])
            }
            properties.put("Target", Value(.intrinsic(Intrinsic(name: .join, argument: .items([
                .text("/", at: routeAt), .items([.text("integrations", at: routeAt), .ref(base + "Integration", at: routeAt)], at: routeAt),
            ], at: routeAt))), at: routeAt))
            if route.key == "$connect", let type = auth?["AuthType"] {
                properties.put("AuthorizationType", type)
                if type.stringValue == "CUSTOM" { properties.put("AuthorizerId", .ref(id + "ConnectAuthorizer", at: type.position)) }
            }
            context.add(base + "Route", type: "AWS::ApiGatewayV2::Route", properties: properties, from: source)
            var integration = ValueMap()
            integration.put("ApiId", .ref(id, at: routeAt))
            integration.put("IntegrationType", .text("AWS_PROXY", at: routeAt))
            integration.put("IntegrationUri", .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations",
                                                   [("FunctionArn", function)], at: routeAt))
            integration.put("TimeoutInMillis", route.value["IntegrationTimeout"])
            context.add(base + "Integration", type: "AWS::ApiGatewayV2::Integration", properties: integration, from: source)
            permission(base + "Permission", function: function, sourceArn: .sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${\(id).ApiId}/${__StageName__}/\(route.key)",
                                                                               [("__StageName__", stageName)], at: routeAt),
                       of: source, at: routeAt, into: &context)
        }
        if let auth, auth["AuthType"]?.stringValue == "CUSTOM", let arn = auth["AuthArn"] {
            let authAt = auth.position
            var authorizer = ValueMap()
            authorizer.put("ApiId", .ref(id, at: authAt))
            authorizer.put("AuthorizerCredentialsArn", auth["InvokeRole"])
            authorizer.put("AuthorizerType", .text("REQUEST", at: authAt))
            authorizer.put("AuthorizerUri", .sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthArn}/invocations",
                                                 [("AuthArn", arn)], at: authAt))
            authorizer.put("IdentitySource", auth["IdentitySource"])
            authorizer.put("Name", auth["Name"] ?? .text(id + "ConnectAuthorizer", at: authAt))
            context.add(id + "ConnectAuthorizer", type: "AWS::ApiGatewayV2::Authorizer", properties: authorizer, from: source)
            if auth["InvokeRole"] == nil {
                permission(id + "AuthorizerPermission", function: arn,
                           sourceArn: .sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${\(id).ApiId}/*", at: authAt),
                           of: source, at: authAt, into: &context)
            }
        }
        let prefix = stageName.stringValue ?? ""
        var stage = ValueMap()
        stage.put("ApiId", .ref(id, at: at))
        stage.put("StageName", stageName)
        stage.put("StageVariables", source["StageVariables"])
        stage.put("AccessLogSettings", source["AccessLogSettings"])
        stage.put("DefaultRouteSettings", source["DefaultRouteSettings"])
        stage.put("Tags", .fields([("websocketapi:createdBy", .text("SAM", at: at))], at: at))
        stage.put("AutoDeploy", .flag(true, at: at))
        stage.put("RouteSettings", source["RouteSettings"])
        context.add(prefix == "default" ? id + "DefaultStage" : id + prefix + "Stage", type: "AWS::ApiGatewayV2::Stage", properties: stage, from: source)
    }

    /// The id part for a route key: `$connect` → `Connect`, `send` → `Send`; nil for keys the translator rejects.
    static func sanitized(_ key: String) -> String? {
        let word = ["$connect", "$disconnect", "$default"].contains(key) ? String(key.dropFirst()) : key
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    static func permission(_ id: String, function: Value, sourceArn: Value, of source: SAMSource, at: Position, into context: inout SAMContext) {
        var properties = ValueMap()
        properties.put("Action", .text("lambda:InvokeFunction", at: at))
        properties.put("FunctionName", function)
        properties.put("Principal", .text("apigateway.amazonaws.com", at: at))
        properties.put("SourceArn", sourceArn)
        context.add(id, type: "AWS::Lambda::Permission", properties: properties, from: source)
    }

    /// SAM's tag map with `websocketapi:createdBy: SAM`, kept a map as ApiGatewayV2 writes tags.
    static func tags(_ tags: Value?, at position: Position) -> Value {
        var fields = (tags?.mapValue?.entries ?? []).map { ($0.key, $0.value) }
        fields.append(("websocketapi:createdBy", .text("SAM", at: position)))
        return .fields(fields, at: tags?.position ?? position)
    }
}
