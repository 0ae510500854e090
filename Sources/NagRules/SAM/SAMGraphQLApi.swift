/// `AWS::Serverless::GraphQLApi`: the `AWS::AppSync::GraphQLApi` (same logical id) with its authentication,
/// tracing and log configuration, `<Api>CloudWatchRole` (unless `Logging` is false or names its role),
/// `<Api>Schema`, and each DynamoDB or Lambda data source `<Api><Name>DynamoDBDataSource` /
/// `<Api><Name>LambdaDataSource` with, unless it names its `ServiceRoleArn`, a role `<DataSource>Role` and the
/// connector policy `<DataSource>ToTableConnectorPolicy` / `<DataSource>ToLambdaConnectorPolicy` (``SAMConnector``).
///
/// Not expanded yet: resolvers, functions, API keys, the cache, the domain name and Lambda authorizer permissions.
enum SAMGraphQLApi {
    static func expand(_ resource: Resource, into context: inout SAMContext) {
        let source = SAMSource(resource: resource, properties: context.globals.merged(resource.properties, type: resource.type))
        let at = source.position
        guard let auth = source["Auth"] else {
            context.reject(resource, "it needs Auth", at: resource.propertiesPosition)
            return
        }
        if (source["SchemaInline"] == nil) == (source["SchemaUri"] == nil) {
            context.reject(resource, "give one of SchemaInline and SchemaUri", at: resource.propertiesPosition)
            return
        }
        let id = resource.logicalId
        var api = ValueMap()
        api.put("Name", source["Name"] ?? .text(id, at: at))
        var tags: [Value] = []
        for entry in source["Tags"]?.mapValue?.entries ?? [] {
            tags.append(.fields([("Key", .text(entry.key, at: entry.keyPosition)), ("Value", entry.value)], at: entry.keyPosition))
        }
        tags.append(.fields([("Key", .text("graphqlapi:createdBy", at: at)), ("Value", .text("SAM", at: at))], at: at))
        api.put("Tags", .items(tags, at: source.position(of: "Tags")))
        api.put("XrayEnabled", source["XrayEnabled"])
        api.put("AuthenticationType", auth["Type"])
        api.put("AdditionalAuthenticationProviders", auth["Additional"].map { additional in
            .items((additional.listValue ?? []).compactMap { $0["Type"].map { type in .fields([("AuthenticationType", type)], at: type.position) } },
                   at: additional.position)
        })
        for key in ["Visibility", "OwnerContact", "IntrospectionConfig", "QueryDepthLimit", "ResolverCountLimit"] {
            api.put(key, source[key])
        }
        let logging = source["Logging"]
        if logging?.boolValue != false {
            let logAt = logging?.position ?? at
            var config: [(String, Value)] = []
            config.put("ExcludeVerboseContent", logging?["ExcludeVerboseContent"])
            config.append(("FieldLogLevel", logging?["FieldLogLevel"] ?? .text("ALL", at: logAt)))
            if let role = logging?["CloudWatchLogsRoleArn"] {
                config.append(("CloudWatchLogsRoleArn", role))
            } else {
                config.append(("CloudWatchLogsRoleArn", .getAtt(id + "CloudWatchRole", "Arn", at: logAt)))
                var role = ValueMap()
                role.put("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(service: "appsync.amazonaws.com", at: logAt))
                role.put("ManagedPolicyArns", .items([.sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs", at: logAt)],
                                                     at: logAt))
                context.add(id + "CloudWatchRole", type: "AWS::IAM::Role", properties: role, from: source)
            }
            api.put("LogConfig", .fields(config, at: logAt))
        }
        context.add(id, type: "AWS::AppSync::GraphQLApi", properties: api, from: source, attributes: SAMFunction.passedAttributes(resource))
        var schema = ValueMap()
        schema.put("ApiId", .getAtt(id, "ApiId", at: at))
        schema.put("Definition", source["SchemaInline"])
        schema.put("DefinitionS3Location", source["SchemaUri"])
        context.add(id + "Schema", type: "AWS::AppSync::GraphQLSchema", properties: schema, from: source)
        let dataSources = source["DataSources"]
        for entry in dataSources?["DynamoDb"]?.mapValue?.entries ?? [] {
            dataSource(entry, kind: "DynamoDB", api: id, of: source, into: &context)
        }
        for entry in dataSources?["Lambda"]?.mapValue?.entries ?? [] {
            dataSource(entry, kind: "Lambda", api: id, of: source, into: &context)
        }
    }

    /// One data source (`kind` DynamoDB or Lambda), its role and its connector policy.
    static func dataSource(_ entry: ValueMap.Entry, kind: String, api: String, of source: SAMSource, into context: inout SAMContext) {
        let at = entry.keyPosition
        let config = entry.value
        let id = api + entry.key + kind + "DataSource"
        let roleId = id + "Role"
        var properties = ValueMap()
        properties.put("ApiId", .getAtt(api, "ApiId", at: at))
        properties.put("Name", config["Name"] ?? .text(entry.key, at: at))
        properties.put("Description", config["Description"])
        properties.put("ServiceRoleArn", config["ServiceRoleArn"] ?? .getAtt(roleId, "Arn", at: at))
        let destination: Value
        if kind == "DynamoDB" {
            properties.put("Type", .text("AMAZON_DYNAMODB", at: at))
            var dynamo: [(String, Value)] = [("AwsRegion", config["Region"] ?? .ref("AWS::Region", at: at))]
            dynamo.put("TableName", config["TableName"])
            dynamo.put("UseCallerCredentials", config["UseCallerCredentials"])
            dynamo.put("Versioned", config["Versioned"])
            dynamo.put("DeltaSyncConfig", config["DeltaSyncConfig"])
            properties.put("DynamoDBConfig", .fields(dynamo, at: at))
            destination = config["TableArn"] ?? .sub("arn:${AWS::Partition}:dynamodb:${__Region__}:${AWS::AccountId}:table/${__TableName__}", [
                ("__TableName__", config["TableName"] ?? .text("", at: at)), ("__Region__", config["Region"] ?? .ref("AWS::Region", at: at)),
            ], at: at)
        } else {
            properties.put("Type", .text("AWS_LAMBDA", at: at))
            destination = config["FunctionArn"] ?? .text("", at: at)
            properties.put("LambdaConfig", .fields([("LambdaFunctionArn", destination)], at: at))
        }
        context.add(id, type: "AWS::AppSync::DataSource", properties: properties, from: source)
        guard config["ServiceRoleArn"] == nil else { return }
        var role = ValueMap()
        role.put("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(service: "appsync.amazonaws.com", at: at))
        context.add(roleId, type: "AWS::IAM::Role", properties: role, from: source)
        let from = SAMConnector.End(type: "AWS::AppSync::DataSource", values: ["Arn": .getAtt(id, "DataSourceArn", at: at)],
                                    role: .ref(roleId, at: at))
        let to = SAMConnector.End(type: kind == "DynamoDB" ? "AWS::DynamoDB::Table" : "AWS::Lambda::Function",
                                  values: ["Arn": destination], role: nil)
        let permissions = (config["Permissions"]?.listValue?.compactMap(\.stringValue)).map(Set.init)
            ?? (kind == "DynamoDB" ? ["Read", "Write"] : ["Write"])
        let connector = id + (kind == "DynamoDB" ? "ToTableConnector" : "ToLambdaConnector")
        SAMConnector.addPolicy(connector + "Policy", from: from, to: to, permissions: permissions, at: at, of: source, into: &context)
    }
}
