/// Expands a template that declares the SAM transform (`Transform: AWS::Serverless-2016-10-31`) into the
/// CloudFormation resources the transform deploys, so the checks read what will exist.
///
/// Runs between loading and the graph (``TemplateLoader`` calls it). The output keeps the SAM source's
/// positions: a generated value is the value the user wrote where there is one (a function's `Runtime`, a
/// statement in `Policies`), else the place that caused it (the Serverless resource, its event, the policy
/// entry). Every generated resource records the Serverless resource it came from (``Resource/generatedFrom``)
/// and carries its `Metadata`, so `cdk_nag` suppressions written on the Serverless resource cover it.
/// Logical ids follow the translator's naming; ids the translator suffixes with a content hash (API
/// deployments, function versions, layer versions) get a hash of nag's own (see docs/sam.md).
///
/// A Serverless resource the translator would reject (a missing required property, an unknown event type) is
/// reported as a located error and skipped; the rest of the template is still expanded and checked.
enum ServerlessExpansion {
    /// The template with its `AWS::Serverless::*` resources replaced by what they generate, or `template`
    /// itself when it does not declare the SAM transform.
    static func expand(_ template: Template) -> Template {
        guard template.usesServerlessTransform,
              template.resources.contains(where: { $0.type.hasPrefix("AWS::Serverless::") }) else { return template }
        var context = SAMContext(file: template.file, globals: SAMGlobals(template.root["Globals"]),
                                 resourceIds: Set(template.resources.map(\.logicalId)),
                                 suppressionsById: SAMContext.suppressionsById(template.metadata))
        for resource in template.resources {
            switch resource.type {
            case "AWS::Serverless::Function": SAMFunction.expand(resource, into: &context)
            case "AWS::Serverless::Api": SAMRestApi.expand(resource, into: &context)
            case "AWS::Serverless::HttpApi": SAMHttpApi.expand(resource, into: &context)
            case "AWS::Serverless::SimpleTable": SAMSimpleTable.expand(resource, into: &context)
            case "AWS::Serverless::LayerVersion": SAMLayerVersion.expand(resource, into: &context)
            case "AWS::Serverless::StateMachine": SAMStateMachine.expand(resource, into: &context)
            case "AWS::Serverless::Connector": break
            case "AWS::Serverless::GraphQLApi": SAMGraphQLApi.expand(resource, into: &context)
            case "AWS::Serverless::WebSocketApi": SAMWebSocketApi.expand(resource, into: &context)
            case "AWS::Serverless::Application": SAMApplication.expand(resource, into: &context)
            default:
                if resource.type.hasPrefix("AWS::Serverless::") {
                    context.unexpanded.insert(resource.type)
                }
                context.passThrough(resource)
            }
        }
        SAMConnector.expandAll(template, into: &context)
        SAMDeploymentPreference.finish(into: &context)
        SAMRestApi.finishImplicitApi(into: &context)
        SAMHttpApi.finishImplicitApi(into: &context)
        return context.template(replacing: template)
    }
}

/// A Serverless resource being expanded: its id, where it is written, and the attributes its generated
/// resources inherit.
struct SAMSource {
    let resource: Resource
    /// The resource's properties with `Globals` merged in.
    let properties: ValueMap

    var logicalId: String { resource.logicalId }
    /// Where generated values with no source value of their own point: the resource's `Type`.
    var position: Position { resource.typePosition }

    subscript(_ name: String) -> Value? { properties[name] }

    /// Where a property is written, else the resource.
    func position(of name: String) -> Position {
        properties[name]?.position ?? position
    }
}

/// What the expansion has produced so far.
struct SAMContext {
    let file: String
    let globals: SAMGlobals
    /// The logical ids the template declares.
    let resourceIds: Set<String>
    /// `cdk_nag` `rules_to_suppress` entries the template's `Metadata` writes under a generated logical id
    /// (`Metadata: {MyFunctionRole: {cdk_nag: {rules_to_suppress: […]}}}`), added to that resource's own.
    let suppressionsById: [String: [Value]]
    private(set) var resources: [Resource] = []
    private(set) var diagnostics: [LoadDiagnostic] = []
    /// Serverless types the expansion does not know yet; their resources pass through unexpanded.
    var unexpanded: Set<String> = []
    /// Routes of `Api` events without a `RestApiId`: they make the implicit `ServerlessRestApi`.
    var implicitRestRoutes: [SAMApiRoute] = []
    /// Routes of `HttpApi` events without an `ApiId`: they make the implicit `ServerlessHttpApi`.
    var implicitHttpRoutes: [SAMApiRoute] = []
    /// The first Serverless resource whose events created an implicit API, which that API is generated from.
    var implicitRestOwner: SAMSource?
    var implicitHttpOwner: SAMSource?
    /// Routes of `Api` events naming an `AWS::Serverless::Api` of this template, by its logical id.
    var explicitRoutes: [String: [SAMApiRoute]] = [:]
    /// The first function with a `DeploymentPreference`: the shared CodeDeploy application is generated from it.
    var codeDeployOwner: SAMSource?
    /// Whether some `DeploymentPreference` has no `Role`, so the shared `CodeDeployServiceRole` is generated.
    var codeDeployNeedsRole = false

    /// Adds a generated resource. `attributes` are resource attributes (`DependsOn`, `DeletionPolicy`); the
    /// source's `Condition` and `Metadata` are added when `attributes` has none. Findings about the resource
    /// as a whole point at `position`, else at the Serverless resource's logical id.
    mutating func add(_ logicalId: String, type: String, properties: ValueMap, from source: SAMSource,
                      attributes: [(String, Value)] = [], position: Position? = nil) {
        var definition = ValueMap()
        definition.put("Type", .text(type, at: source.position), at: source.resource.typePosition)
        for (key, value) in attributes { definition.put(key, value) }
        for key in ["Condition", "Metadata"] where definition[key] == nil {
            if let entry = source.resource.definition.entry(key) {
                definition.set(key, entry.value, keyPosition: entry.keyPosition)
            }
        }
        if let extra = suppressionsById[logicalId] {
            definition.put("Metadata", Self.adding(extra, to: definition["Metadata"], at: extra.first?.position ?? source.position))
        }
        let propertiesValue = Value(.map(properties), at: source.resource.propertiesPosition)
        definition.put("Properties", propertiesValue, at: source.resource.propertiesPosition)
        resources.append(Resource(
            logicalId: logicalId, position: position ?? source.resource.position, type: type,
            typePosition: source.resource.typePosition, definition: definition, properties: properties,
            propertiesValue: propertiesValue, generatedFrom: source.logicalId))
    }

    /// The per-id suppression entries of the template's `Metadata`: every key other than `cdk_nag` whose value
    /// holds `cdk_nag.rules_to_suppress`.
    static func suppressionsById(_ metadata: Value?) -> [String: [Value]] {
        var result: [String: [Value]] = [:]
        for entry in metadata?.mapValue?.entries ?? [] where entry.key != "cdk_nag" {
            if let list = entry.value["cdk_nag"]?["rules_to_suppress"]?.listValue { result[entry.key] = list }
        }
        return result
    }

    /// `metadata` with `entries` appended to its `cdk_nag.rules_to_suppress`.
    static func adding(_ entries: [Value], to metadata: Value?, at position: Position) -> Value {
        var map = metadata?.mapValue ?? ValueMap()
        var cdkNag = map["cdk_nag"]?.mapValue ?? ValueMap()
        let existing = cdkNag["rules_to_suppress"]?.listValue ?? []
        cdkNag.put("rules_to_suppress", .items(existing + entries, at: position))
        map.put("cdk_nag", Value(.map(cdkNag), at: position))
        return Value(.map(map), at: metadata?.position ?? position)
    }

    /// Keeps a resource the expansion does not change.
    mutating func passThrough(_ resource: Resource) {
        resources.append(resource)
    }

    /// Replaces the properties of an already added resource (an S3 bucket gaining a notification).
    mutating func update(_ logicalId: String, _ change: (inout ValueMap) -> Void) {
        guard let index = resources.firstIndex(where: { $0.logicalId == logicalId }) else { return }
        let old = resources[index]
        var properties = old.properties
        change(&properties)
        var definition = old.definition
        let value = Value(.map(properties), at: old.propertiesValue?.position ?? old.propertiesPosition)
        definition.put("Properties", value, at: old.propertiesPosition)
        resources[index] = Resource(
            logicalId: old.logicalId, position: old.position, type: old.type, typePosition: old.typePosition,
            definition: definition, properties: properties, propertiesValue: value, generatedFrom: old.generatedFrom)
    }

    /// Records that the translator would reject `resource`: a located error, and the resource is skipped.
    mutating func reject(_ resource: Resource, _ message: String, at position: Position? = nil) {
        diagnostics.append(LoadDiagnostic(
            "SAM resource \(resource.logicalId) (\(resource.type)): \(message); the SAM transform would reject it, so nag checks the rest of the template without it",
            at: FileLocation(file: file, position: position ?? resource.position)))
    }

    /// The expanded template: the same sections, these resources, the SAM diagnostics added.
    func template(replacing template: Template) -> Template {
        var notes: [LoadDiagnostic] = []
        if !unexpanded.isEmpty {
            notes.append(LoadDiagnostic(
                "nag does not expand \(unexpanded.sorted().joined(separator: ", ")) yet: those resources are not checked",
                at: FileLocation(file: file, position: template.transform?.position ?? .start), severity: .warning))
        }
        return Template(
            file: template.file, root: template.root, formatVersion: template.formatVersion,
            description: template.description, metadata: template.metadata, parameters: template.parameters,
            mappings: template.mappings, conditions: template.conditions, transform: template.transform,
            rules: template.rules, resources: resources, outputs: template.outputs,
            diagnostics: template.diagnostics + diagnostics + notes)
    }
}

extension Template {
    /// This template with its `AWS::Serverless::*` resources expanded into the CloudFormation resources the SAM
    /// transform deploys (``ServerlessExpansion``); the template itself when it does not declare the transform.
    /// The pipeline calls it between loading and the graph, so the loader keeps returning what was written.
    public func expandingServerlessResources() -> Template {
        ServerlessExpansion.expand(self)
    }
}
