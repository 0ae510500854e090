/// One route an `Api` or `HttpApi` event adds to an API.
struct SAMApiRoute {
    let path: String
    let method: String
    let function: SAMInvokeTarget
    let position: Position
}

/// `Api` and `HttpApi` events: a route on the API they name (or the implicit `ServerlessRestApi` /
/// `ServerlessHttpApi`) and a `<Function><Event>Permission…` letting API Gateway invoke the function.
enum SAMApiEvents {
    static func rest(_ event: ValueMap.Entry, properties: ValueMap, of source: SAMSource, target: SAMInvokeTarget,
                     into context: inout SAMContext) {
        let at = event.keyPosition
        let path = properties["Path"]?.stringValue ?? "/"
        let method = properties["Method"]?.stringValue?.lowercased() ?? "any"
        let route = SAMApiRoute(path: path, method: method, function: target, position: at)
        let apiId: String
        if let named = apiName(properties["RestApiId"]) {
            apiId = named
            context.explicitRoutes[named, default: []].append(route)
        } else {
            apiId = "ServerlessRestApi"
            context.implicitRestRoutes.append(route)
            if context.implicitRestOwner == nil { context.implicitRestOwner = source }
        }
        let verb = method == "any" ? "*" : method.uppercased()
        let resourcePath = wildcardParameters(path)
        SAMEvents.permission(source.logicalId + event.key, suffix: "PermissionProd", principal: "apigateway.amazonaws.com",
                             sourceArn: .sub("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/\(verb)\(resourcePath)",
                                             [("__ApiId__", .ref(apiId, at: at)), ("__Stage__", .text("*", at: at))], at: at),
                             of: source, target: target, at: at, into: &context)
    }

    static func http(_ event: ValueMap.Entry, properties: ValueMap, of source: SAMSource, target: SAMInvokeTarget,
                     into context: inout SAMContext) {
        let at = event.keyPosition
        let path = properties["Path"]?.stringValue ?? "$default"
        let method = properties["Method"]?.stringValue?.lowercased() ?? "any"
        let route = SAMApiRoute(path: path, method: method, function: target, position: at)
        let apiId: String
        if let named = apiName(properties["ApiId"]) {
            apiId = named
            context.explicitRoutes[named, default: []].append(route)
        } else {
            apiId = "ServerlessHttpApi"
            context.implicitHttpRoutes.append(route)
            if context.implicitHttpOwner == nil { context.implicitHttpOwner = source }
        }
        SAMEvents.permission(source.logicalId + event.key, principal: "apigateway.amazonaws.com",
                             sourceArn: .sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/*",
                                             [("__ApiId__", .ref(apiId, at: at)), ("__Stage__", .text("*", at: at))], at: at),
                             of: source, target: target, at: at, into: &context)
    }

    /// The API an event names: `RestApiId: !Ref MyApi`, or the logical id written as a string.
    static func apiName(_ value: Value?) -> String? {
        value?.intrinsicValue?.refTarget ?? value?.stringValue
    }

    /// `path` with each `{parameter}` replaced by `*`, as permission source ARNs write it.
    static func wildcardParameters(_ path: String) -> String {
        var result = "", inParameter = false
        for character in path {
            if character == "{" { inParameter = true; result.append("*") }
            else if character == "}" { inParameter = false }
            else if !inParameter { result.append(character) }
        }
        return result
    }
}
