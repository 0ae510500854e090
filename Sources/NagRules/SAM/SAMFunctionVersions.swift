/// What events and URLs invoke: the function itself, or the alias `AutoPublishAlias` publishes.
struct SAMInvokeTarget {
    /// The logical id of the function or of its alias.
    let logicalId: String
    let isAlias: Bool
    /// The alias name, for qualifiers.
    let aliasName: Value?

    /// The value an event's `FunctionName` names.
    func name(at position: Position) -> Value { .ref(logicalId, at: position) }

    /// The ARN targets and subscriptions name.
    func arn(at position: Position) -> Value {
        isAlias ? .ref(logicalId, at: position) : .getAtt(logicalId, "Arn", at: position)
    }
}

/// `AutoPublishAlias` (a `<Function>Version<hash>` and a `<Function>Alias<Name>`), `FunctionUrlConfig`
/// (`<Function>Url` and, for `AuthType: NONE`, its public permissions) and `EventInvokeConfig`
/// (`<Function>EventInvokeConfig`).
enum SAMFunctionVersions {
    /// Adds the version and alias when `AutoPublishAlias` is set; returns what events invoke.
    static func expand(_ source: SAMSource, into context: inout SAMContext) -> SAMInvokeTarget {
        guard let alias = source["AutoPublishAlias"], let name = alias.stringValue else {
            return SAMInvokeTarget(logicalId: source.logicalId, isAlias: false, aliasName: nil)
        }
        let versionId = source.logicalId + "Version" + SAMHash.suffix(of: [source["CodeUri"], source["InlineCode"], source["ImageUri"]])
        var version = ValueMap()
        version.put("FunctionName", .ref(source.logicalId, at: alias.position))
        version.put("Description", source["VersionDescription"])
        context.add(versionId, type: "AWS::Lambda::Version", properties: version, from: source,
                    attributes: [("DeletionPolicy", .text("Retain", at: alias.position))])
        let aliasId = source.logicalId + "Alias" + name.filter { $0.isLetter || $0.isNumber }
        var properties = ValueMap()
        properties.put("Name", alias)
        properties.put("FunctionName", .ref(source.logicalId, at: alias.position))
        properties.put("FunctionVersion", .getAtt(versionId, "Version", at: alias.position))
        context.add(aliasId, type: "AWS::Lambda::Alias", properties: properties, from: source)
        return SAMInvokeTarget(logicalId: aliasId, isAlias: true, aliasName: alias)
    }

    /// Adds the function URL and the event invoke configuration.
    static func expandExtras(_ source: SAMSource, target: SAMInvokeTarget, into context: inout SAMContext) {
        if let url = source["FunctionUrlConfig"] {
            let at = url.position
            var properties = ValueMap()
            properties.put("TargetFunctionArn", target.name(at: at))
            properties.put("AuthType", url["AuthType"])
            properties.put("Cors", url["Cors"])
            properties.put("InvokeMode", url["InvokeMode"])
            context.add(source.logicalId + "Url", type: "AWS::Lambda::Url", properties: properties, from: source)
            if url["AuthType"]?.stringValue == "NONE" {
                let authType = url["AuthType"] ?? .text("NONE", at: at)
                context.add(source.logicalId + "UrlPublicPermissions", type: "AWS::Lambda::Permission", properties: ValueMap([
                    entry("Action", .text("lambda:InvokeFunctionUrl", at: authType.position)),
                    entry("FunctionName", target.name(at: authType.position)),
                    entry("Principal", .text("*", at: authType.position)),
                    entry("FunctionUrlAuthType", authType),
                ]), from: source)
                context.add(source.logicalId + "URLInvokeAllowPublicAccess", type: "AWS::Lambda::Permission", properties: ValueMap([
                    entry("Action", .text("lambda:InvokeFunction", at: authType.position)),
                    entry("FunctionName", target.name(at: authType.position)),
                    entry("Principal", .text("*", at: authType.position)),
                    entry("InvokedViaFunctionUrl", .flag(true, at: authType.position)),
                ]), from: source)
            }
        }
        if let config = source["EventInvokeConfig"] {
            var properties = ValueMap()
            properties.put("FunctionName", .ref(source.logicalId, at: config.position))
            properties.put("Qualifier", target.aliasName ?? .text("$LATEST", at: config.position))
            properties.put("MaximumEventAgeInSeconds", config["MaximumEventAgeInSeconds"])
            properties.put("MaximumRetryAttempts", config["MaximumRetryAttempts"])
            var destinations: [(String, Value)] = []
            for destination in SAMEventQueues.invokeDestinations(source) {
                if let created = destination.created {
                    context.add(created.id, type: created.type, properties: ValueMap(), from: source, position: destination.arn.position)
                }
                destinations.append((destination.key, .fields([("Destination", destination.arn)], at: destination.arn.position)))
            }
            properties.put("DestinationConfig", .fields(destinations, at: config["DestinationConfig"]?.position ?? config.position))
            context.add(source.logicalId + "EventInvokeConfig", type: "AWS::Lambda::EventInvokeConfig", properties: properties, from: source)
        }
    }

    static func entry(_ key: String, _ value: Value) -> ValueMap.Entry {
        ValueMap.Entry(key: key, keyPosition: value.position, value: value)
    }
}

/// The 10-character suffix the translator adds to ids that change with content (deployments, versions,
/// layer versions). The translator hashes its own serialisation of the content; nag hashes the SAM source
/// values instead, so the suffix is stable for a template but differs from the translator's
/// (docs/sam.md; the differential compares ids without it).
enum SAMHash {
    static func suffix(of values: [Value?]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        func walk(_ value: Value) {
            switch value.kind {
            case .null: mix("~")
            case .bool(let b): mix(b ? "T" : "F")
            case .number(let n), .string(let n): mix("\u{1}" + n)
            case .list(let items): mix("["); items.forEach(walk); mix("]")
            case .map(let map): mix("{"); for entry in map.entries { mix(entry.key); walk(entry.value) }; mix("}")
            case .intrinsic(let f): mix(f.name.rawValue); walk(f.argument)
            }
        }
        for value in values { if let value { walk(value) } else { mix("-") } }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
    }
}
